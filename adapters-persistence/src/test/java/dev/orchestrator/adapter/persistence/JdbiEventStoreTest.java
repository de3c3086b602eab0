package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.EventSummary;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.StoreResult;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiEventStoreTest {
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
    }

    @Test
    void bodiesThatJsonbWouldRefuseAreStoredByteForByte() {
        byte[] hostile = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF,
                '\\', 'u', '0', '0', '0', '0', '"', '}', 0};
        UUID id = store("form:hostile", hostile).eventId();

        assertThat(persistence.events().find(id).orElseThrow().body()).isEqualTo(hostile);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstEventAsADuplicate() {
        StoreResult first = store("form:msg_1", new byte[] {'{', '}'});
        StoreResult second = store("form:msg_1", new byte[] {'{', '}'});

        assertThat(second).isEqualTo(new StoreResult(first.eventId(), true));
        assertThat(persistence.events().count()).isEqualTo(1);
    }

    @Test
    void headersAreKeptWithTheEvent() {
        UUID id = store("form:msg_2", new byte[] {'{', '}'}).eventId();

        assertThat(persistence.events().find(id).orElseThrow().headers())
                .containsEntry("webhook-id", "msg_2").containsEntry("x-nul", "a\\u0000b");
    }

    @Test
    void auditEvidenceKeepsTheOrderItWasRecordedIn() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("zeta", "1");
        evidence.put("alpha", "2");
        evidence.put("mid", "3");
        UUID correlation = ids.newId();
        persistence.audit().append(new AuditEvent(ids.newId(), clock.instant(), AuditKind.VALIDATED, "contact",
                Optional.of("c-1"), correlation, Actor.system("validator"), "ok", Optional.empty(), Optional.empty(),
                evidence));

        assertThat(persistence.audit().byCorrelation(correlation)).singleElement()
                .satisfies(event -> assertThat(event.evidence().keySet()).containsExactly("zeta", "alpha", "mid"));
    }

    @Test
    void auditEventsAppendedTogetherKeepTheirOrder() {
        UUID correlation = ids.newId();
        java.util.List<AuditEvent> events = java.util.stream.Stream.of(AuditKind.NORMALIZED, AuditKind.VALIDATED,
                        AuditKind.SCORED, AuditKind.ROUTED)
                .map(kind -> new AuditEvent(ids.newId(), clock.instant(), kind, "contact", Optional.of("c-1"),
                        correlation, Actor.system("pipeline"), kind.key(), Optional.empty(), Optional.empty(),
                        Map.of("step", kind.key())))
                .toList();

        persistence.audit().appendAll(events);

        assertThat(persistence.audit().byCorrelation(correlation)).extracting(AuditEvent::kind)
                .containsExactly(AuditKind.NORMALIZED, AuditKind.VALIDATED, AuditKind.SCORED, AuditKind.ROUTED);
    }

    @Test
    void markAllDoneMarksEveryEventDoneWithItsEmailAsMarkDoneWould() {
        UUID processing = store("form:msg_a", new byte[] {'{', '}'}).eventId();
        UUID received = store("form:msg_b", new byte[] {'{', '}'}).eventId();
        UUID untouched = store("form:msg_c", new byte[] {'{', '}'}).eventId();
        persistence.events().updateStatus(processing, EventStatus.PROCESSING, Optional.of("timeout"));
        clock.advance(Duration.ofMinutes(5));

        persistence.events().markAllDone(Map.of(processing, "ada@acme.com", received, "bob@acme.com"));

        Map<UUID, EventSummary> byId = summaries();
        assertThat(byId.get(processing)).extracting(EventSummary::status, EventSummary::email, EventSummary::lastError)
                .containsExactly(EventStatus.DONE, Optional.of("ada@acme.com"), Optional.empty());
        assertThat(byId.get(received)).extracting(EventSummary::status, EventSummary::email, EventSummary::lastError)
                .containsExactly(EventStatus.DONE, Optional.of("bob@acme.com"), Optional.empty());
        assertThat(byId.get(untouched).status()).isEqualTo(EventStatus.RECEIVED);
        assertThat(List.of(updatedAt(processing), updatedAt(received))).containsOnly(clock.instant());
    }

    @Test
    void markAllDoneStoresANulInAnEmailAsMarkDoneDoes() {
        UUID single = store("form:msg_a", new byte[] {'{', '}'}).eventId();
        UUID first = store("form:msg_b", new byte[] {'{', '}'}).eventId();
        UUID second = store("form:msg_c", new byte[] {'{', '}'}).eventId();

        persistence.events().markDone(single, "a\0da@acme.com");
        persistence.events().markAllDone(Map.of(first, "a\0da@acme.com", second, "bob@acme.com"));

        assertThat(summaries().get(single).email()).contains("a\\u0000da@acme.com");
        assertThat(summaries().get(first).email()).isEqualTo(summaries().get(single).email());
    }

    private Map<UUID, EventSummary> summaries() {
        return persistence.events().recent(10).stream().collect(Collectors.toMap(EventSummary::id, e -> e));
    }

    @Test
    void markAllDoneOfNoEventsChangesNothing() {
        UUID id = store("form:msg_e", new byte[] {'{', '}'}).eventId();

        persistence.events().markAllDone(Map.of());

        assertThat(persistence.events().find(id).orElseThrow().status()).isEqualTo(EventStatus.RECEIVED);
    }

    private Instant updatedAt(UUID id) {
        return persistence.jdbi().withHandle(h -> h.createQuery("select updated_at from raw_events where id = :id")
                .bind("id", id).mapTo(Instant.class).one());
    }

    private StoreResult store(String key, byte[] body) {
        return persistence.events().storeIfAbsent(new RawEvent(ids.newId(), "form", key.substring(5), key,
                clock.instant(), Optional.of("application/json"),
                Map.of("webhook-id", key.substring(5), "x-nul", "a\0b"),
                body, "sha", EventStatus.RECEIVED, Optional.empty()));
    }
}
