package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.intake.EventStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Raw events, stored before any acknowledgement. */
public interface EventStore {
    /** Stores the event unless its idempotency key is known; then answers the first delivery's id. */
    StoreResult storeIfAbsent(RawEvent event);

    /**
     * Stores the event together with the job that will process it, atomically and in one round trip (the sender's
     * 202 waits for it); a known idempotency key stores neither and answers the first delivery's id.
     */
    StoreResult storeIfAbsent(RawEvent event, NewJob job);

    Optional<RawEvent> find(UUID eventId);

    void updateStatus(UUID eventId, EventStatus status, Optional<String> error);

    /**
     * The event's outcome committed: done, and whose event it was, so events can be searched by email (one row
     * write where two would do).
     */
    void markDone(UUID eventId, String email);

    /** {@link #markDone} for several events at once (a worker's wave of leads): event id → its contact's e-mail. */
    default void markAllDone(Map<UUID, String> emailByEvent) {
        emailByEvent.forEach(this::markDone);
    }

    List<EventSummary> recent(int limit);

    long count();
}
