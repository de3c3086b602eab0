package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.OperationsStats;
import dev.orchestrator.application.port.out.OperationsStats.MinuteCount;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiOperationsStatsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:15:00Z");
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;
    private OperationsStats stats;
    private StoredEvents stored;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        stats = persistence.operations();
        stored = new StoredEvents(persistence);
    }

    @Test
    void eventsAreCountedPerMinuteInsideTheWindowOnly() {
        stored.event(ids.newId(), "form", T0.plusSeconds(5), Optional.empty(), EventStatus.DONE);
        stored.event(ids.newId(), "form", T0.plusSeconds(59), Optional.empty(), EventStatus.DONE);
        stored.event(ids.newId(), "form", T0.plusSeconds(61), Optional.empty(), EventStatus.DONE);
        stored.event(ids.newId(), "form", T0.plusSeconds(180), Optional.empty(), EventStatus.DONE);

        assertThat(stats.eventsPerMinute(T0, T0.plusSeconds(120))).containsExactly(
                new MinuteCount(T0, 2), new MinuteCount(T0.plusSeconds(60), 1));
    }

    @Test
    void failuresAreCountedByTheErrorPolicysClasses() {
        UUID event = stored.event(ids.newId(), "form", T0, Optional.empty(), EventStatus.DEAD);
        failure(event, "worker", "SocketTimeoutException: read timed out", Map.of("retryInMs", "800"));
        failure(event, "worker", "gave up after 5 attempts: SocketTimeoutException: x", Map.of("final", "true"));
        failure(event, "worker", "ALERT: token expired", Map.of("final", "true"));
        failure(event, "pipeline", "event cannot be processed: no field map", Map.of());
        stored.audit(ids.newId(), T0, AuditKind.REJECTED, "event", event.toString(), event, Actor.system("validator"),
                "sent to review: email invalid", Map.of());

        assertThat(stats.failuresByClass(T0.minusSeconds(1))).containsOnly(Map.entry("retryable", 1L),
                Map.entry("dead-lettered", 1L), Map.entry("alert", 1L), Map.entry("poison", 1L),
                Map.entry("review", 1L));
    }

    @Test
    void failuresBeforeTheWindowAreLeftOut() {
        UUID event = stored.event(ids.newId(), "form", T0, Optional.empty(), EventStatus.DEAD);
        failure(event, "worker", "old", Map.of());

        assertThat(stats.failuresByClass(T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void contactsAreCountedByStage() {
        contact("a@acme.com", LifecycleStage.LEAD);
        contact("b@acme.com", LifecycleStage.MQL);
        contact("c@acme.com", LifecycleStage.MQL);

        assertThat(stats.contactsByStage()).containsOnly(Map.entry(LifecycleStage.LEAD, 1L),
                Map.entry(LifecycleStage.MQL, 2L));
    }

    private void failure(UUID event, String component, String summary, Map<String, String> evidence) {
        stored.audit(ids.newId(), T0, AuditKind.FAILED, "event", event.toString(), event, Actor.system(component),
                summary, evidence);
    }

    private void contact(String email, LifecycleStage stage) {
        persistence.contacts().save(new Contact(ids.newId(), EmailAddress.parse(email), PersonName.of("A", "B"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), stage, Optional.empty(), 0, 0,
                Map.of(), T0, T0));
    }
}
