package dev.orchestrator.application.port.in;

import java.util.UUID;

/** What became of a review resolution. */
public sealed interface ResolveOutcome {

    /** Closed; when {@code rerun}, the event is queued again with the corrected values. */
    record Resolved(UUID reviewId, UUID eventId, boolean rerun) implements ResolveOutcome {
    }

    /** Not open (resolved already, or no such item). Nothing changed. */
    record NotOpen(UUID reviewId) implements ResolveOutcome {
    }
}
