package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A contact and its timeline are read in one snapshot, so a decision a worker commits between the two reads is
 * either wholly seen or wholly unseen (the stage "lead" never comes with a timeline that says "became mql").
 */
class SnapshotReadTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private PersistenceAdapter persistence;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), MutableClock.at("2026-03-02T09:00:00Z"),
                new SequentialIds());
        append("c-1", "created");
    }

    @Test
    void a_commit_made_by_another_connection_during_a_snapshot_is_not_seen_by_its_later_reads() {
        int[] seen = persistence.transactions().inSnapshot(() -> {
            int first = persistence.audit().byEntity("contact", "c-1").size();
            CompletableFuture.runAsync(() -> append("c-1", "became mql")).join();
            int second = persistence.audit().byEntity("contact", "c-1").size();
            return new int[] {first, second};
        });

        assertThat(seen).containsExactly(1, 1);
        assertThat(persistence.audit().byEntity("contact", "c-1")).hasSize(2);
    }

    @Test
    void a_snapshot_refuses_to_write() {
        assertThatThrownBy(() -> persistence.transactions().inSnapshot(() -> {
            append("c-1", "written inside a read");
            return null;
        })).hasMessageContaining("read-only");
    }

    private void append(String contact, String summary) {
        persistence.audit().append(new AuditEvent(UUID.randomUUID(), T0, AuditKind.TRANSITIONED, "contact",
                Optional.of(contact), UUID.randomUUID(), Actor.system("test"), summary, Optional.empty(),
                Optional.empty(), Map.of("to", "mql")));
    }
}
