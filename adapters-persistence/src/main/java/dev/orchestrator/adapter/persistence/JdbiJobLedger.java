package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.JobLedger;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Failed attempts in {@code job_attempts}; the job's error class on the job itself, for bulk replay. */
final class JdbiJobLedger implements JobLedger {
    private final HandleContext db;

    JdbiJobLedger(HandleContext db) {
        this.db = db;
    }

    @Override
    public void recordAttempt(long jobId, JobAttempt attempt) {
        db.useRelaxed(handle -> {
            handle.createUpdate("""
                            insert into job_attempts (job_id, attempt, at, outcome, error_class, error)
                            values (:jobId, :attempt, :at, :outcome, :errorClass, :error)""")
                    .bind("jobId", jobId)
                    .bind("attempt", attempt.attempt())
                    .bind("at", Timestamp.from(attempt.at()))
                    .bind("outcome", attempt.outcome())
                    .bind("errorClass", attempt.errorClass())
                    .bind("error", Text.safe(attempt.error()))
                    .execute();
            handle.createUpdate("update jobs set error_class = :errorClass where id = :jobId")
                    .bind("jobId", jobId)
                    .bind("errorClass", attempt.errorClass())
                    .execute();
        });
    }

    @Override
    public List<JobAttempt> attempts(long jobId) {
        return db.with(handle -> handle.createQuery("""
                        select attempt, at, outcome, error_class, error from job_attempts
                        where job_id = :jobId order by id""")
                .bind("jobId", jobId)
                .map((rs, ctx) -> new JobAttempt(rs.getInt("attempt"), rs.getTimestamp("at").toInstant(),
                        rs.getString("outcome"), rs.getString("error_class"), rs.getString("error")))
                .list());
    }

    @Override
    public Optional<JobKind> kind(long jobId) {
        return db.with(handle -> handle.createQuery("select kind from jobs where id = :id")
                .bind("id", jobId)
                .mapTo(String.class)
                .findOne()
                .map(JobKind::fromKey));
    }

    @Override
    public List<Long> deadJobs(DeadLetterFilter filter, int limit) {
        return db.with(handle -> handle.createQuery("""
                        select id from jobs
                        where status = 'dead'
                          and (cast(:errorClass as text) is null or error_class = :errorClass)
                          and (cast(:from as timestamptz) is null or updated_at >= :from)
                          and (cast(:to as timestamptz) is null or updated_at < :to)
                        order by updated_at, id limit :limit""")
                .bind("errorClass", filter.errorClass().orElse(null))
                .bind("from", filter.from().map(Timestamp::from).orElse(null))
                .bind("to", filter.to().map(Timestamp::from).orElse(null))
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
    }
}
