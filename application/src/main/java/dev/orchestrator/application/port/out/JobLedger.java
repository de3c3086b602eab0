package dev.orchestrator.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happened to each job, attempt by attempt, and the error class it last failed with: a dead letter shows
 * its history, and a bulk replay picks dead jobs by error class and by the time they died.
 */
public interface JobLedger {
    void recordAttempt(long jobId, JobAttempt attempt);

    List<JobAttempt> attempts(long jobId);

    Optional<JobKind> kind(long jobId);

    /** Dead jobs matching the filter, oldest death first, at most {@code limit}. */
    List<Long> deadJobs(DeadLetterFilter filter, int limit);

    /** One attempt: when it ended, how ({@code retry}, {@code dead}, {@code alert}), and the error it met. */
    record JobAttempt(int attempt, Instant at, String outcome, String errorClass, String error) {
    }

    /** Which dead letters a bulk replay takes: an error class and/or a window of death times (from inclusive). */
    record DeadLetterFilter(Optional<String> errorClass, Optional<Instant> from, Optional<Instant> to) {
    }
}
