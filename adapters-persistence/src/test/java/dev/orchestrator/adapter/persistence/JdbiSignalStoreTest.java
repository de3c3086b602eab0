package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.SignalStore;
import dev.orchestrator.application.port.out.SignalStore.NewSignal;
import dev.orchestrator.application.port.out.SignalStore.StoredSignal;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiSignalStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:15:30Z");
    private static final EmailAddress ADA = EmailAddress.parse("ada@acme.com");
    private static final EmailAddress BOB = EmailAddress.parse("bob@acme.com");
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;
    private SignalStore signals;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        signals = persistence.signals();
    }

    @Test
    void recordAllRecordsEachSignalAsRecordWould() {
        UUID first = event();
        UUID second = event();

        signals.recordAll(List.of(
                new NewSignal(first, ADA, "pricing_page_view", T0, Optional.of("https://acme.com/pricing")),
                new NewSignal(first, ADA, "demo_request", T0.plusSeconds(1), Optional.empty()),
                new NewSignal(second, BOB, "webinar", T0.plusSeconds(2), Optional.of("https://acme.com/w"))));

        assertThat(signals.since(ADA, T0)).containsExactly(
                new StoredSignal("demo_request", T0.plusSeconds(1), Optional.empty()),
                new StoredSignal("pricing_page_view", T0, Optional.of("https://acme.com/pricing")));
        assertThat(signals.since(BOB, T0)).containsExactly(
                new StoredSignal("webinar", T0.plusSeconds(2), Optional.of("https://acme.com/w")));
    }

    @Test
    void recordAllOfSignalsAlreadyRecordedRecordsNothingNew() {
        UUID event = event();
        NewSignal signal = new NewSignal(event, ADA, "pricing_page_view", T0, Optional.empty());
        signals.record(event, ADA, "pricing_page_view", T0, Optional.empty());

        signals.recordAll(List.of(signal, new NewSignal(event, ADA, "webinar", T0, Optional.empty())));
        signals.recordAll(List.of(signal, new NewSignal(event, ADA, "webinar", T0, Optional.empty())));

        assertThat(signals.since(ADA, T0)).extracting(StoredSignal::type)
                .containsExactlyInAnyOrder("pricing_page_view", "webinar");
    }

    @Test
    void recordAllWithTheSameEventAndTypeTwiceRecordsTheFirst() {
        UUID event = event();

        signals.recordAll(List.of(new NewSignal(event, ADA, "webinar", T0, Optional.of("https://acme.com/first")),
                new NewSignal(event, ADA, "webinar", T0.plusSeconds(1), Optional.of("https://acme.com/second"))));

        assertThat(signals.since(ADA, T0)).containsExactly(
                new StoredSignal("webinar", T0, Optional.of("https://acme.com/first")));
    }

    @Test
    void recordAllStoresANulInAUrlAsRecordDoes() {
        UUID one = event();
        UUID all = event();

        signals.record(one, ADA, "download", T0, Optional.of("https://acme.com/a\0b"));
        signals.recordAll(List.of(new NewSignal(all, BOB, "download", T0, Optional.of("https://acme.com/a\0b")),
                new NewSignal(all, BOB, "webinar", T0, Optional.empty())));

        assertThat(signals.since(ADA, T0)).extracting(StoredSignal::url)
                .containsExactly(Optional.of("https://acme.com/a\\u0000b"));
        assertThat(signals.since(BOB, T0)).extracting(StoredSignal::url)
                .containsExactlyInAnyOrder(Optional.of("https://acme.com/a\\u0000b"), Optional.empty());
    }

    @Test
    void recordAllStoresTimesToTheMicrosecondAsRecordDoes() {
        UUID one = event();
        UUID all = event();
        Instant halfway = T0.plusNanos(123_456_500);

        signals.record(one, ADA, "webinar", halfway, Optional.empty());
        signals.recordAll(List.of(new NewSignal(all, BOB, "webinar", halfway, Optional.empty()),
                new NewSignal(all, BOB, "download", T0, Optional.empty())));

        assertThat(signals.since(BOB, T0).get(0).occurredAt()).isEqualTo(signals.since(ADA, T0).get(0).occurredAt())
                .isEqualTo(T0.plusNanos(123_457_000));
    }

    private UUID event() {
        UUID id = ids.newId();
        persistence.events().storeIfAbsent(new RawEvent(id, "form", "msg_" + id, "form:" + id, T0,
                Optional.of("application/json"), Map.of(), new byte[] {'{', '}'}, "sha", EventStatus.RECEIVED,
                Optional.empty()));
        return id;
    }
}
