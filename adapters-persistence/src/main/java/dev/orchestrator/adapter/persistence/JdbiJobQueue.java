package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.ClaimedJob;
import dev.orchestrator.application.port.out.DeadLetter;
import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.QueueBacklog;
import dev.orchestrator.application.port.out.QueueStats;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The job queue in PostgreSQL. A claim takes ready jobs and jobs whose lease ran out (their worker died) with
 * {@code FOR UPDATE SKIP LOCKED}, so several workers and several instances never claim the same job. Each claim
 * bumps the job's lease token; completion, retry and dead letter name the token and change nothing once another
 * claim (or the rescue of an expired lease) has replaced it.
 */
final class JdbiJobQueue implements JobQueue {
    private static final Duration RESCUE_INTERVAL = Duration.ofSeconds(5);
    /**
     * Takes a worker's share of the ready jobs (as many as are ready divided by the sharing workers, rounded up,
     * at most {@code max}), sets their events to {@code processing} and answers each job with its event as that
     * left it (no event: the event was decided before, and the worker reads it itself).
     *
     * <p>The share is taken from the oldest {@code max} ready jobs, chosen with a constant {@code limit}: with the
     * share itself as the only {@code limit}, a number known only when the claim runs, the planner assumed a tenth
     * of the table and hashed all jobs and events to update ten (73 ms a claim under 40,000 waiting, against
     * 2.4). Only the share is locked: the ten are chosen without a lock and locked one by one as the share's
     * {@code limit} takes them, so a claim running beside this one finds the rest (locking all ten and taking one
     * left it nothing). The ready jobs are counted only up to {@code max} times the workers, in {@code run_at}
     * order so the count reads the {@code jobs_ready} index.
     *
     * <p>The events are reached by id only: their status is tested as "not decided" ({@code not in}, which no index
     * answers), never as "received or processing" ({@code in}, which the status index answers). Statistics taken at
     * a quiet moment say no event is waiting, and with the {@code in} form the planner then scanned every received
     * event by status for each claim: under a backlog of thousands, 2,554 buffers a claim instead of 453, 11.8 ms
     * instead of 0.9 (BENCHMARKS.md §2i). Equivalent by the table's status check.
     *
     * <p>The batch size and the workers are written into the text, not bound: with {@code limit} a parameter,
     * PostgreSQL never judged its kept plan good enough and planned every claim afresh (659 plans in 657 claims of
     * a drain, 0.7 ms each under a backlog, BENCHMARKS.md §2n).
     */
    private static final String CLAIM = HandleContext.RELAXED_CTE + """
            , oldest as materialized (
                select id, run_at from jobs where status = 'ready' and run_at <= :now
                order by run_at limit %1$d
            ),
            claimable as (
                select j.id from oldest o join jobs j on j.id = o.id
                where j.status = 'ready'
                order by o.run_at
                limit (select ceil(count(*) / %2$d::numeric)::int from (select 1 from jobs
                    where status = 'ready' and run_at <= :now order by run_at limit %1$d * %2$d) waiting)
                for update of j skip locked
            ),
            claimed as (
                update jobs j set status = 'running', attempts = j.attempts + 1,
                    lease_token = j.lease_token + 1, locked_until = :lockedUntil, updated_at = :now
                from claimable c where j.id = c.id
                returning j.id, j.kind, j.event_id, j.attempts, j.max_attempts, j.lease_token
            ),
            processing as (
                update raw_events e set status = 'processing', updated_at = :now
                from claimed where e.id = claimed.event_id and e.status not in ('done', 'review', 'dead')
                returning\s""" + JdbiEventStore.columns("e") + """
            )
            select c.id as job_id, c.kind, c.event_id, c.attempts, c.max_attempts, c.lease_token, p.*
            from claimed c cross join relaxed left join processing p on p.id = c.event_id""";

    /** One text a batch size and worker count, so the driver's statement cache finds the same string each time. */
    private static final Map<List<Integer>, String> CLAIM_TEXTS = new ConcurrentHashMap<>();

    private final HandleContext db;
    private final AtomicReference<Instant> lastRescue = new AtomicReference<>();

    JdbiJobQueue(HandleContext db) {
        this.db = db;
    }

    static String claimOf(int max, int sharers) {
        if (max < 0) {
            throw new IllegalArgumentException("a claim cannot take " + max + " jobs");
        }
        if (sharers < 1) {
            throw new IllegalArgumentException("a claim is shared by at least one worker, not " + sharers);
        }
        return CLAIM_TEXTS.computeIfAbsent(List.of(max, sharers), key -> CLAIM.formatted(max, sharers));
    }

    @Override
    public void enqueue(JobKind kind, UUID eventId, Instant runAt, int maxAttempts) {
        db.use(handle -> handle.createUpdate("""
                        insert into jobs (kind, event_id, status, max_attempts, run_at, created_at, updated_at)
                        values (:kind, :eventId, 'ready', :maxAttempts, :runAt, :runAt, :runAt)""")
                .bind("kind", kind.key())
                .bind("eventId", eventId)
                .bind("maxAttempts", maxAttempts)
                .bind("runAt", Timestamp.from(runAt))
                .execute());
    }

    @Override
    public List<ClaimedJob> claim(int max, int sharers, Duration lease, Instant now) {
        rescueExpiredLeases(now);
        return db.with(handle -> handle.createQuery(claimOf(max, sharers))
                .bind("now", Timestamp.from(now))
                .bind("lockedUntil", Timestamp.from(now.plus(lease)))
                .map((rs, ctx) -> new ClaimedJob(rs.getLong("job_id"), JobKind.fromKey(rs.getString("kind")),
                        rs.getObject("event_id", UUID.class), rs.getInt("attempts"), rs.getInt("max_attempts"),
                        rs.getLong("lease_token"), rs.getObject("id") == null ? Optional.empty()
                                : Optional.of(JdbiEventStore.rawEvent(rs))))
                .list());
    }

    /**
     * Jobs whose worker died (lease ran out) become ready again. Checked every few seconds rather than in every
     * claim, so a claim stays one index range scan over ready jobs however many jobs are running.
     */
    private void rescueExpiredLeases(Instant now) {
        Instant last = lastRescue.get();
        if (last != null && now.isBefore(last.plus(RESCUE_INTERVAL)) || !lastRescue.compareAndSet(last, now)) {
            return;
        }
        db.useRelaxed(handle -> handle.createUpdate("""
                        update jobs set status = 'ready', run_at = :now, locked_until = null, updated_at = :now
                        where status = 'running' and locked_until < :now""")
                .bind("now", Timestamp.from(now))
                .execute());
    }

    @Override
    public boolean complete(long jobId, long leaseToken, Instant now) {
        return finish(jobId, leaseToken, "done", null, now);
    }

    /** A worker's finished batch in one relaxed statement (a lost commit only brings the jobs back to a worker). */
    @Override
    public Set<Long> completeAll(List<ClaimedJob> jobs, Instant now) {
        if (jobs.isEmpty()) {
            return Set.of();
        }
        long[] ids = new long[jobs.size()];
        long[] tokens = new long[jobs.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = jobs.get(i).id();
            tokens[i] = jobs.get(i).leaseToken();
        }
        return db.with(handle -> handle.createQuery(HandleContext.RELAXED_CTE + """
                        update jobs j set status = 'done', locked_until = null, updated_at = :now
                        from relaxed, unnest(:ids::bigint[], :tokens::bigint[]) as f(id, token)
                        where j.id = f.id and j.lease_token = f.token and j.status = 'running'
                        returning j.id""")
                .bind("ids", ids)
                .bind("tokens", tokens)
                .bind("now", Timestamp.from(now))
                .mapTo(Long.class)
                .collect(Collectors.toSet()));
    }

    @Override
    public boolean retryAt(long jobId, long leaseToken, Instant runAt, String error, Instant now) {
        int changed = db.with(handle -> handle.createUpdate(HandleContext.RELAXED_CTE + """
                        update jobs set status = 'ready', run_at = :runAt, locked_until = null, last_error = :error,
                            updated_at = :now
                        from relaxed where id = :id and lease_token = :token and status = 'running'""")
                .bind("id", jobId)
                .bind("token", leaseToken)
                .bind("runAt", Timestamp.from(runAt))
                .bind("error", Text.safe(error))
                .bind("now", Timestamp.from(now))
                .execute());
        return changed > 0;
    }

    @Override
    public boolean deadLetter(long jobId, long leaseToken, String error, Instant now) {
        return finish(jobId, leaseToken, "dead", error, now);
    }

    private boolean finish(long jobId, long leaseToken, String status, String error, Instant now) {
        int changed = db.with(handle -> handle.createUpdate(HandleContext.RELAXED_CTE + """
                        update jobs set status = :status, locked_until = null,
                            last_error = coalesce(:error, last_error), updated_at = :now
                        from relaxed where id = :id and lease_token = :token and status = 'running'""")
                .bind("id", jobId)
                .bind("token", leaseToken)
                .bind("status", status)
                .bind("error", Text.safe(error))
                .bind("now", Timestamp.from(now))
                .execute());
        return changed > 0;
    }

    @Override
    public QueueStats stats(Instant now) {
        long done = db.with(handle -> handle.createQuery("select count(*) from jobs where status = 'done'")
                .mapTo(Long.class).one());
        return QueueStats.of(backlog(now), done);
    }

    /** Each count is a scan of its partial index ({@code jobs_ready}, {@code jobs_running}, {@code jobs_dead}). */
    @Override
    public QueueBacklog backlog(Instant now) {
        return db.with(handle -> handle.createQuery("""
                        select (select count(*) from jobs where status = 'ready') as ready,
                               (select count(*) from jobs where status = 'running') as running,
                               (select count(*) from jobs where status = 'dead') as dead,
                               (select min(run_at) from jobs where status = 'ready' and run_at <= :now) as oldest""")
                .bind("now", Timestamp.from(now))
                .map((rs, ctx) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                    return new QueueBacklog(rs.getLong("ready"), rs.getLong("running"), rs.getLong("dead"),
                            age.isNegative() ? Duration.ZERO : age);
                })
                .one());
    }

    @Override
    public int attempts(UUID eventId) {
        return db.with(handle -> handle.createQuery("select coalesce(sum(attempts), 0) from jobs where event_id = :id and kind = 'process-event'")
                .bind("id", eventId)
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public List<DeadLetter> deadLetters(Optional<Long> afterJobId, int limit) {
        return db.with(handle -> handle.createQuery("""
                        select j.id, j.event_id, j.attempts, j.max_attempts, j.last_error, j.updated_at,
                               e.source, e.source_event_id, e.email
                        from jobs j join raw_events e on e.id = j.event_id
                        where j.status = 'dead' and j.id < :after
                        order by j.id desc limit :limit""")
                .bind("after", afterJobId.orElse(Long.MAX_VALUE))
                .bind("limit", limit)
                .map((rs, ctx) -> new DeadLetter(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        rs.getString("source"), rs.getString("source_event_id"),
                        Optional.ofNullable(rs.getString("email")), rs.getInt("attempts"), rs.getInt("max_attempts"),
                        Optional.ofNullable(rs.getString("last_error")).orElse(""),
                        rs.getTimestamp("updated_at").toInstant()))
                .list());
    }

    /** A job that was dead on arrival had no attempts to give; a replay gives it at least one. */
    @Override
    public Optional<UUID> revive(long jobId, Instant now) {
        return db.with(handle -> handle.createQuery("""
                        update jobs set status = 'ready', attempts = 0, max_attempts = greatest(max_attempts, 1),
                            run_at = :now, locked_until = null, updated_at = :now
                        where id = :id and status = 'dead'
                        returning event_id""")
                .bind("id", jobId)
                .bind("now", Timestamp.from(now))
                .mapTo(UUID.class)
                .findOne());
    }
}
