package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.InMemoryIdentityIndex;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.in.BackfillCheckpoint;
import dev.orchestrator.application.port.in.BackfillCommand;
import dev.orchestrator.application.port.in.BackfillReport;
import dev.orchestrator.application.port.out.IdentityCandidate;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.shared.DomainViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackfillIdentityIndexServiceTest {
    private final MatchRecordFactory factory = new MatchRecordFactory(new GuavaRegistrableDomains());
    private final InMemoryIdentityIndex index = InMemoryIdentityIndex.standard();
    private final BackfillIdentityIndexService service = new BackfillIdentityIndexService(index, factory);
    private final List<BackfillCheckpoint> checkpoints = new ArrayList<>();

    @Test
    void every_record_is_indexed_in_batches_with_a_checkpoint_after_each() {
        BackfillReport report = service.backfill(command(Optional.empty(), 2, "c1", "c2", "c3", "c4", "c5"));

        assertThat(report).isEqualTo(new BackfillReport(5, 0, 3, Optional.of("c5")));
        assertThat(checkpoints).containsExactly(new BackfillCheckpoint("c2", 2), new BackfillCheckpoint("c4", 4),
                new BackfillCheckpoint("c5", 5));
        assertThat(index.size()).isEqualTo(5);
    }

    @Test
    void a_backfilled_company_is_a_candidate_for_its_look_alike() {
        service.backfill(command(Optional.empty(), 10, "c1"));

        List<IdentityCandidate> found = index.candidates(
                factory.toMatchRecord(company("lead", "Company c1 Inc")), IdentityIndex.Kind.COMPANY);

        assertThat(found).extracting(IdentityCandidate::recordId).containsExactly("c1");
    }

    @Test
    void a_resumed_run_indexes_only_the_records_after_the_last_reported_id() {
        BackfillReport report = service.backfill(command(Optional.of("c3"), 2, "c1", "c2", "c3", "c4", "c5"));

        assertThat(report).isEqualTo(new BackfillReport(2, 3, 1, Optional.of("c5")));
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void a_run_with_nothing_after_the_resume_point_indexes_nothing() {
        BackfillReport report = service.backfill(command(Optional.of("c9"), 2, "c1", "c2"));

        assertThat(report).isEqualTo(new BackfillReport(0, 2, 0, Optional.empty()));
        assertThat(checkpoints).isEmpty();
    }

    @Test
    void records_out_of_id_order_are_refused_because_resuming_would_skip_some() {
        assertThatThrownBy(() -> service.backfill(command(Optional.empty(), 2, "c2", "c1")))
                .isInstanceOf(DomainViolation.class)
                .hasMessageContaining("ascending record id order");
    }

    @Test
    void a_contact_is_indexed_as_a_person() {
        service.backfill(new BackfillCommand(List.of(new DedupeRecord("p1", "Acme", "", "", "jane@acme.com",
                "Jane", "Doe", "", "", "")).iterator(), Optional.empty(), 10, checkpoints::add));

        MatchRecord probe = factory.toMatchRecord(new DedupeRecord("probe", "", "", "", "jane@acme.com",
                "Jane", "Doe", "", "", ""));
        assertThat(index.candidates(probe, IdentityIndex.Kind.PERSON))
                .extracting(IdentityCandidate::recordId).containsExactly("p1");
        assertThat(index.candidates(probe, IdentityIndex.Kind.COMPANY)).isEmpty();
    }

    private BackfillCommand command(Optional<String> resumeAfter, int batchSize, String... ids) {
        List<DedupeRecord> records = new ArrayList<>();
        for (String id : ids) {
            records.add(company(id, "Company " + id));
        }
        return new BackfillCommand(records.iterator(), resumeAfter, batchSize, checkpoints::add);
    }

    private static DedupeRecord company(String id, String name) {
        return new DedupeRecord(id, name, "", "", "", "", "", "", "", "");
    }
}
