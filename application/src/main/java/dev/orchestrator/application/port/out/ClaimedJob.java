package dev.orchestrator.application.port.out;

import java.util.Optional;
import java.util.UUID;

/**
 * A job this worker holds until its lease runs out; {@code attempt} counts this claim (a replay counts from zero
 * again). {@code leaseToken} names this claim among every claim the job ever had and is never reused: the queue
 * applies a completion, retry or dead letter only while it is still the job's token, so a worker whose lease ran
 * out cannot mark a job that another worker has claimed since. {@code event} is the job's event when the claim read
 * it already (one round trip fewer a job); empty, the worker reads it.
 */
public record ClaimedJob(long id, JobKind kind, UUID eventId, int attempt, int maxAttempts, long leaseToken,
        Optional<RawEvent> event) {
    public ClaimedJob(long id, JobKind kind, UUID eventId, int attempt, int maxAttempts, long leaseToken) {
        this(id, kind, eventId, attempt, maxAttempts, leaseToken, Optional.empty());
    }
}
