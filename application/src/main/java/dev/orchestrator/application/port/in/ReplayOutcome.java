package dev.orchestrator.application.port.in;

import java.util.UUID;

/** What became of one dead letter a user asked to replay. */
public sealed interface ReplayOutcome {
    long jobId();

    /** Back in the queue, ready now; its event is {@code received} again. */
    record Replayed(long jobId, UUID eventId) implements ReplayOutcome {
    }

    /** Not a dead letter (any more): replayed already, or no such job. Nothing changed. */
    record NotDead(long jobId) implements ReplayOutcome {
    }
}
