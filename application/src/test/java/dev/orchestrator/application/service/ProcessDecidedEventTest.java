package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.in.ProcessEventCommand;
import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.EventSummary;
import dev.orchestrator.application.port.out.NewJob;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.StoreResult;
import dev.orchestrator.domain.intake.EventStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A job claimed again for an event whose outcome is committed (its completion was lost) does nothing: every
 * collaborator but the event store is absent here, so any work would fail the test.
 */
class ProcessDecidedEventTest {
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-000000000007");

    @Test
    void anEventAlreadyDoneIsNotProcessedAgain() {
        assertThat(process(EventStatus.DONE, Optional.empty())).isInstanceOf(ProcessOutcome.Done.class);
    }

    @Test
    void anEventAlreadyInReviewStaysThereWithItsReason() {
        assertThat(process(EventStatus.REVIEW, Optional.of("email is not an address")))
                .isEqualTo(new ProcessOutcome.SentToReview("email is not an address"));
    }

    @Test
    void anEventAlreadyDeadStaysDead() {
        assertThat(process(EventStatus.DEAD, Optional.of("unparseable"))).isEqualTo(new ProcessOutcome.Poison("unparseable"));
    }

    @Test
    void anEventTheCommandCarriesIsTakenAsItIsNotReadAgain() {
        RawEvent claimed = event(EventStatus.DONE, Optional.empty());
        RawEvent stored = event(EventStatus.DEAD, Optional.of("read from the store"));

        assertThat(service(stored).process(new ProcessEventCommand(EVENT, 2, Optional.of(claimed))))
                .isInstanceOf(ProcessOutcome.Done.class);
    }

    private static ProcessOutcome process(EventStatus status, Optional<String> lastError) {
        return service(event(status, lastError)).process(new ProcessEventCommand(EVENT, 2));
    }

    private static RawEvent event(EventStatus status, Optional<String> lastError) {
        return new RawEvent(EVENT, "form", "msg_1", "form:msg_1", Instant.parse("2026-11-26T12:00:00Z"),
                Optional.of("application/json"), Map.of(), "{}".getBytes(StandardCharsets.UTF_8), "hash", status,
                lastError);
    }

    private static ProcessEventService service(RawEvent stored) {
        return new ProcessEventService(null, Map.of(), null, null, null, null, null, null, null,
                null, null, new PipelineStores(new OneEvent(stored), null, null, null, null, null, null), null, null,
                null, PipelineOptions.NONE);
    }

    private record OneEvent(RawEvent raw) implements EventStore {
        @Override
        public Optional<RawEvent> find(UUID eventId) {
            return Optional.of(raw);
        }

        @Override
        public StoreResult storeIfAbsent(RawEvent event) {
            throw new AssertionError("nothing is stored");
        }

        @Override
        public StoreResult storeIfAbsent(RawEvent event, NewJob job) {
            throw new AssertionError("nothing is stored");
        }

        @Override
        public void updateStatus(UUID eventId, EventStatus status, Optional<String> error) {
            throw new AssertionError("the decided status stays");
        }

        @Override
        public void markDone(UUID eventId, String email) {
            throw new AssertionError("nothing is marked done again");
        }

        @Override
        public List<EventSummary> recent(int limit) {
            return List.of();
        }

        @Override
        public long count() {
            return 1;
        }
    }
}
