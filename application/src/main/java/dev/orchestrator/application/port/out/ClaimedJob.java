package dev.orchestrator.application.port.out;

import java.util.UUID;

/** A job this worker holds until its lease runs out; {@code attempt} counts this claim. */
public record ClaimedJob(long id, JobKind kind, UUID eventId, int attempt, int maxAttempts) {
}
