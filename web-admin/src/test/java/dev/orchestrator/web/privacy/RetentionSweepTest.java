package dev.orchestrator.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.in.RetentionRun;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.privacy.Pseudonyms;
import dev.orchestrator.application.service.RetentionService;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.intake.EventStatus;
import dev.orchestrator.web.json.JacksonPayloadParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Old raw payloads and audit evidence lose their personal data on schedule; recent ones and the skeleton stay. */
class RetentionSweepTest {
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final byte[] KEY = "retention-test-key-32-bytes-long".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(NOW);
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;
    private RetentionService retention;

    @BeforeEach
    void database() {
        DataSource dataSource = TestDatabase.fresh();
        persistence = PersistenceAdapter.create(dataSource, clock, ids);
        retention = service();
    }

    private RetentionService service() {
        return new RetentionService(persistence.personalData(), persistence.singletonLock(),
                persistence.transactions(), new JacksonPayloadParser(), new Pseudonyms(KEY), clock, Duration.ofDays(365),
                2);
    }

    @Test
    void a_payload_older_than_the_retention_age_keeps_only_its_non_personal_fields() {
        UUID old = storeEvent(NOW.minus(Duration.ofDays(400)), EventStatus.DONE);

        retention.run();

        String body = body(old);
        assertThat(body).doesNotContain("grace.hopper").doesNotContain("Grace").doesNotContain("Hopper")
                .doesNotContain("6175550123").contains("Cobol Inc").contains(new Pseudonyms(KEY).of("grace.hopper@navy.example"));
        assertThat(persistence.events().find(old).orElseThrow().headers()).doesNotContainKey("webhook-signature");
    }

    @Test
    void a_payload_younger_than_the_retention_age_is_left_as_it_was() {
        UUID recent = storeEvent(NOW.minus(Duration.ofDays(364)), EventStatus.DONE);

        retention.run();

        assertThat(body(recent)).isEqualTo(payload());
    }

    @Test
    void an_old_event_still_waiting_for_a_worker_is_left_alone() {
        UUID waiting = storeEvent(NOW.minus(Duration.ofDays(400)), EventStatus.RECEIVED);

        retention.run();

        assertThat(body(waiting)).isEqualTo(payload());
    }

    @Test
    void old_audit_evidence_loses_personal_values_and_keeps_its_skeleton() {
        UUID audit = storeAudit(NOW.minus(Duration.ofDays(500)));

        retention.run();

        AuditEvent erased = persistence.audit().byCorrelation(new UUID(0, 99)).get(0);
        assertThat(erased.id()).isEqualTo(audit);
        assertThat(erased.kind()).isEqualTo(AuditKind.TRANSITIONED);
        assertThat(erased.ruleId()).contains("mql-fit-and-intent");
        assertThat(erased.rulesetVersion()).contains("v3-abc123");
        assertThat(erased.at()).isEqualTo(NOW.minus(Duration.ofDays(500)));
        assertThat(erased.evidence()).containsEntry("score.fit", "35").containsEntry("phone", "[erased]")
                .containsEntry("email", new Pseudonyms(KEY).of("grace.hopper@navy.example"));
        assertThat(erased.summary()).doesNotContain("Grace");
    }

    @Test
    void a_sweep_works_in_batches_until_nothing_old_is_left_and_counts_what_it_erased() {
        for (int i = 0; i < 5; i++) {
            storeEvent(NOW.minus(Duration.ofDays(400 + i)), EventStatus.DONE);
        }
        storeAudit(NOW.minus(Duration.ofDays(400)));

        RetentionRun first = retention.run();
        RetentionRun second = retention.run();

        assertThat(first).isEqualTo(new RetentionRun.Swept(NOW.minus(Duration.ofDays(365)), 5, 1));
        assertThat(second).isEqualTo(new RetentionRun.Swept(NOW.minus(Duration.ofDays(365)), 0, 0));
        assertThat(retention.totals().rawEventsErased()).isEqualTo(5);
        assertThat(retention.totals().runs()).isEqualTo(2);
    }

    @Test
    void an_instance_skips_the_sweep_while_another_holds_the_lock() {
        UUID old = storeEvent(NOW.minus(Duration.ofDays(400)), EventStatus.DONE);
        RetentionService otherInstance = service();

        // the other instance runs on its own thread, so on its own database session, as it would in its own process
        Optional<RetentionRun> whileHeld = persistence.singletonLock().ifFree(RetentionService.LOCK,
                () -> CompletableFuture.supplyAsync(otherInstance::run).join());

        assertThat(whileHeld).contains(new RetentionRun.SkippedElsewhere());
        assertThat(body(old)).isEqualTo(payload());
        assertThat(otherInstance.totals().skipped()).isEqualTo(1);
        assertThat(otherInstance.run()).isInstanceOf(RetentionRun.Swept.class);
    }

    @Test
    void the_counts_appear_in_metrics() {
        storeEvent(NOW.minus(Duration.ofDays(400)), EventStatus.DONE);
        RetentionSchedule schedule = new RetentionSchedule(retention);
        schedule.runOnce();

        StringBuilder metrics = new StringBuilder();
        schedule.appendTo(metrics);

        assertThat(metrics.toString()).contains("orchestrator_retention_raw_events_erased_total 1\n")
                .contains("orchestrator_retention_runs_total 1\n")
                .contains("orchestrator_retention_max_age_days 365\n");
    }

    private static String payload() {
        return "{\"id\":\"rec-1\",\"email\":\"grace.hopper@navy.example\",\"firstName\":\"Grace\","
                + "\"lastName\":\"Hopper\",\"phone\":\"+1 617 555 0123\",\"company\":\"Cobol Inc\",\"consent\":true}";
    }

    private UUID storeEvent(Instant receivedAt, EventStatus status) {
        UUID id = ids.newId();
        byte[] body = payload().getBytes(StandardCharsets.UTF_8);
        persistence.events().storeIfAbsent(new RawEvent(id, "form", id.toString(), "form:" + id, receivedAt,
                Optional.of("application/json"), Map.of("webhook-id", id.toString(), "webhook-signature", "v1,abc"),
                body, "sha", status, Optional.empty()));
        return id;
    }

    private UUID storeAudit(Instant at) {
        UUID id = ids.newId();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("score.fit", "35");
        evidence.put("email", "grace.hopper@navy.example");
        evidence.put("phone", "+16175550123");
        evidence.put("firstName", "Grace");
        persistence.audit().append(new AuditEvent(id, at, AuditKind.TRANSITIONED, "contact", Optional.of("c-1"),
                new UUID(0, 99), Actor.rule("mql-fit-and-intent"), "Grace became an MQL",
                Optional.of("mql-fit-and-intent"), Optional.of("v3-abc123"), evidence));
        return id;
    }

    private String body(UUID eventId) {
        return new String(persistence.events().find(eventId).orElseThrow().body(), StandardCharsets.UTF_8);
    }
}
