package dev.orchestrator.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The PostgreSQL job queue: jobs enqueued in the caller's transaction, claimed with SKIP LOCKED. */
public interface JobQueue {
    void enqueue(JobKind kind, UUID eventId, Instant runAt, int maxAttempts);

    /** Records a job that must never run (a poison event), straight into the dead letters. */
    void deadOnArrival(JobKind kind, UUID eventId, Instant at, String reason);

    /** Claims ready jobs and jobs whose lease expired (their worker died), each for {@code lease}. */
    List<ClaimedJob> claim(int max, Duration lease, Instant now);

    void complete(long jobId, Instant now);

    void retryAt(long jobId, Instant runAt, String error, Instant now);

    void deadLetter(long jobId, String error, Instant now);

    QueueStats stats(Instant now);

    /** How many times the event's processing job has been claimed. */
    int attempts(UUID eventId);
}
