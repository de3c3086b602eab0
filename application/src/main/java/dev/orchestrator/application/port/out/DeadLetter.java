package dev.orchestrator.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A job the queue gave up on, with the event it was for and the last error (the error body a CRM answered). */
public record DeadLetter(long jobId, UUID eventId, String source, String sourceEventId, Optional<String> email,
        int attempts, int maxAttempts, String error, Instant diedAt) {
}
