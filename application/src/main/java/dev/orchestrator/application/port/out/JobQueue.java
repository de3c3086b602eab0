package dev.orchestrator.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The PostgreSQL job queue: jobs enqueued in the caller's transaction, claimed with SKIP LOCKED. */
public interface JobQueue {
    void enqueue(JobKind kind, UUID eventId, Instant runAt, int maxAttempts);

    /** Claims ready jobs and jobs whose lease expired (their worker died), each for {@code lease}. */
    default List<ClaimedJob> claim(int max, Duration lease, Instant now) {
        return claim(max, 1, lease, now);
    }

    /**
     * Claims a fair share of the ready jobs for one of {@code sharers} workers: as many as are ready divided by the
     * workers, rounded up, at least one and at most {@code max}. A worker runs its claim one job after another, so a
     * claim of ten while other workers idle makes its tenth job wait for nine; in a flood every claim is full.
     */
    List<ClaimedJob> claim(int max, int sharers, Duration lease, Instant now);

    /**
     * Marks the job done if {@code leaseToken} is still its claim's token and it is running; answers whether it did.
     * A stale mark (the lease ran out and the job was rescued or claimed again) changes nothing.
     */
    boolean complete(long jobId, long leaseToken, Instant now);

    /** Marks each job done as {@link #complete} does; answers the ids it marked. A queue may do it in one write. */
    default Set<Long> completeAll(List<ClaimedJob> jobs, Instant now) {
        Set<Long> marked = new HashSet<>();
        for (ClaimedJob job : jobs) {
            if (complete(job.id(), job.leaseToken(), now)) {
                marked.add(job.id());
            }
        }
        return marked;
    }

    /** Puts the job back for {@code runAt}, under the same fencing as {@link #complete}; answers whether it did. */
    boolean retryAt(long jobId, long leaseToken, Instant runAt, String error, Instant now);

    /** Buries the job, under the same fencing as {@link #complete}; answers whether it did. */
    boolean deadLetter(long jobId, long leaseToken, String error, Instant now);

    /** The whole queue, done jobs counted: reads every job, so it costs more the longer the server has run. */
    QueueStats stats(Instant now);

    /** Ready, running and dead jobs only, at a cost that does not grow with the done ones. */
    default QueueBacklog backlog(Instant now) {
        return stats(now).backlog();
    }

    /** How many times the event's processing job has been claimed. */
    int attempts(UUID eventId);

    /** Dead jobs, most recently buried first, continuing after job {@code afterJobId} (a keyset page). */
    List<DeadLetter> deadLetters(Optional<Long> afterJobId, int limit);

    /**
     * Puts a dead job back in the queue: ready at {@code now}, its attempts counted from zero again. Answers the
     * job's event, or empty when the job is not dead (already replayed, or unknown).
     */
    Optional<UUID> revive(long jobId, Instant now);
}
