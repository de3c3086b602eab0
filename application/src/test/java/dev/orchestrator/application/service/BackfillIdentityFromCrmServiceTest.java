package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.audit.CsvCrmExport;
import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.InMemoryIdentityIndex;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.port.in.BackfillIdentityFromCrmUseCase;
import dev.orchestrator.application.port.in.CrmIdentityBackfillCommand;
import dev.orchestrator.application.port.in.CrmIdentityBackfillReport;
import dev.orchestrator.application.port.out.IdentityBackfillCursors;
import dev.orchestrator.application.port.out.IdentityIndex;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackfillIdentityFromCrmServiceTest {
    private static final String CONTACTS = """
            id,email,first_name,last_name,company
            1,jane@acme.com,Jane,Doe,Acme
            2,bob@globex.com,Bob,Smith,Globex
            3,info@initech.com,,,Initech
            """;
    private static final String COMPANIES = """
            id,name,domain
            10,Acme Corporation,acme.com
            9,Globex,globex.com
            11,Initech,initech.com
            """;

    private final InMemoryIdentityIndex index = InMemoryIdentityIndex.standard();
    private final Cursors cursors = new Cursors();
    private final BackfillIdentityFromCrmService service = new BackfillIdentityFromCrmService(
            new BackfillIdentityIndexService(index, new MatchRecordFactory(new GuavaRegistrableDomains())), cursors);

    private static CsvCrmExport crm() {
        return new CsvCrmExport(new StringReader(CONTACTS), new StringReader(COMPANIES), Optional.empty(),
                Optional.empty());
    }

    @Test
    void companiesAreIndexedUnderTheirCrmIdsAndNamedContactsUnderAPrefix() {
        CrmIdentityBackfillReport report = service.backfill(new CrmIdentityBackfillCommand(crm(), false, 2, () -> false));

        assertThat(report.companies()).isEqualTo(3);
        assertThat(report.contacts()).isEqualTo(2);
        assertThat(report.complete()).isTrue();
        assertThat(index.candidates(probe("Acme Corp", "acme.com"), IdentityIndex.Kind.COMPANY))
                .extracting(c -> c.record().id()).contains("10");
        assertThat(index.candidates(new MatchRecordFactory(new GuavaRegistrableDomains()).toMatchRecord(
                        new DedupeRecord("probe", "", "", "", "jane@acme.com", "Jane", "Doe", "", "", "")),
                IdentityIndex.Kind.PERSON)).extracting(c -> c.record().id())
                .contains(BackfillIdentityFromCrmUseCase.CONTACT_PREFIX + "1");
    }

    @Test
    void aStoppedBackfillResumesAtTheSavedPage() {
        AtomicInteger pages = new AtomicInteger();
        CrmIdentityBackfillReport first = service.backfill(new CrmIdentityBackfillCommand(crm(), false, 2,
                () -> pages.incrementAndGet() > 1));
        CrmIdentityBackfillReport second = service.backfill(new CrmIdentityBackfillCommand(crm(), false, 2,
                () -> false));

        assertThat(first.complete()).isFalse();
        assertThat(first.companies()).isEqualTo(2);
        assertThat(second.resumed()).isTrue();
        assertThat(second.companies()).isEqualTo(1);
        assertThat(second.contacts()).isEqualTo(2);
        assertThat(cursors.saved.get("csv/companies").done()).isTrue();
    }

    @Test
    void aFinishedBackfillDoesNothingUntilRestarted() {
        service.backfill(new CrmIdentityBackfillCommand(crm(), false, 2, () -> false));

        CrmIdentityBackfillReport again = service.backfill(new CrmIdentityBackfillCommand(crm(), false, 2, () -> false));
        CrmIdentityBackfillReport restarted = service.backfill(new CrmIdentityBackfillCommand(crm(), true, 2,
                () -> false));

        assertThat(again.companies() + again.contacts()).isZero();
        assertThat(restarted.companies()).isEqualTo(3);
    }

    private static dev.orchestrator.domain.dedupe.MatchRecord probe(String name, String domain) {
        return new MatchRecordFactory(new GuavaRegistrableDomains()).toMatchRecord(
                new DedupeRecord("probe", name, domain, "", "", "", "", "", "", ""));
    }

    private static final class Cursors implements IdentityBackfillCursors {
        final Map<String, Position> saved = new HashMap<>();

        @Override
        public Optional<Position> position(String crm, String objectType) {
            return Optional.ofNullable(saved.get(crm + "/" + objectType));
        }

        @Override
        public void save(String crm, String objectType, Position position) {
            saved.put(crm + "/" + objectType, position);
        }

        @Override
        public void reset(String crm, String objectType) {
            saved.remove(crm + "/" + objectType);
        }
    }
}
