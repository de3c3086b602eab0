package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ProcessEventCommand;
import dev.orchestrator.application.port.in.ProcessEventUseCase;
import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.ClaimedJob;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.in.RunActionCommand;
import dev.orchestrator.application.port.in.RunActionOutcome;
import dev.orchestrator.application.port.in.RunActionUseCase;
import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.JobLedger;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.notify.DeliveryFailure;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims jobs from the queue and runs them, applying the one error policy to every kind of job: retry with
 * backoff (full jitter, never sooner than a {@code Retry-After}) while attempts remain, dead-letter after the
 * last; send to review what a person must fix; alert an operator at once, on the first failure, about what no
 * retry can fix (expired token, missing scope, deprecated API), and dead-letter the job for a replay once fixed.
 * Every failed attempt is written to the job's ledger, so a dead letter shows its history.
 *
 * <p>Every mark names the claim's lease token: a worker whose lease ran out while it worked (a long pause, a slow
 * CRM) may find the job rescued or claimed by another worker, and then its mark changes nothing, and it neither
 * sets the event back nor writes the attempt into the ledger: the job's new holder decides.
 */
public final class JobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    /** Where a CRM alert belongs; a processed event (its CRM calls answered) closes it. */
    static final String CRM_CHANNEL = "crm";

    private final JobQueue queue;
    private final ProcessEventUseCase processEvent;
    private final EventStore events;
    private final AuditLog audit;
    private final ErrorPolicy policy;
    private final IdGenerator ids;
    private final Clock clock;
    private final int batchSize;
    private final int sharers;
    private final Duration lease;
    private final Optional<RunActionUseCase> actions;
    private final Optional<JobLedger> ledger;
    private final Optional<OperatorAlertService> alerts;

    public JobWorker(JobQueue queue, ProcessEventUseCase processEvent, EventStore events, AuditLog audit,
            ErrorPolicy policy, IdGenerator ids, Clock clock, int batchSize, Duration lease) {
        this(queue, processEvent, events, audit, policy, ids, clock, batchSize, lease, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** As above, running action jobs too, with a ledger of attempts and alerts raised at once. */
    public JobWorker(JobQueue queue, ProcessEventUseCase processEvent, EventStore events, AuditLog audit,
            ErrorPolicy policy, IdGenerator ids, Clock clock, int batchSize, Duration lease,
            Optional<RunActionUseCase> actions, Optional<JobLedger> ledger, Optional<OperatorAlertService> alerts) {
        this(queue, processEvent, events, audit, policy, ids, clock, batchSize, 1, lease, actions, ledger, alerts);
    }

    /**
     * As above, for one of {@code sharers} threads running this worker: each claims its share of the ready jobs
     * ({@link JobQueue#claim(int, int, Duration, Instant)}), so a few jobs go to as many threads instead of queueing
     * behind each other in one thread's batch.
     */
    public JobWorker(JobQueue queue, ProcessEventUseCase processEvent, EventStore events, AuditLog audit,
            ErrorPolicy policy, IdGenerator ids, Clock clock, int batchSize, int sharers, Duration lease,
            Optional<RunActionUseCase> actions, Optional<JobLedger> ledger, Optional<OperatorAlertService> alerts) {
        this.sharers = sharers;
        this.actions = actions;
        this.ledger = ledger;
        this.alerts = alerts;
        this.queue = queue;
        this.processEvent = processEvent;
        this.events = events;
        this.audit = audit;
        this.policy = policy;
        this.ids = ids;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /**
     * Claims one batch and runs it; answers how many jobs were claimed, so a loop knows when to idle. The batch's
     * events go through one wave ({@link ProcessEventUseCase.Wave}): leads' final writes may wait and be committed
     * together after the last job. Only then are the jobs that finished marked done, together: each one's outcome
     * is committed by then, and a mark lost to a crash only brings the job back to a worker that finds its event
     * decided. A job whose writes failed in the wave's commit is failed through the error policy instead.
     */
    public int runOnce() {
        Instant claimedAt = clock.instant();
        List<ClaimedJob> claimed = queue.claim(batchSize, sharers, lease, claimedAt);
        if (claimed.isEmpty()) {
            return 0;
        }
        ProcessEventUseCase.Wave wave = processEvent.openWave();
        List<ClaimedJob> finished = new ArrayList<>(claimed.size());
        try {
            for (ClaimedJob job : claimed) {
                if (clock.instant().isBefore(claimedAt.plus(lease))) {
                    if (run(job, wave)) {
                        finished.add(job);
                    }
                } else {
                    // The batch shares one lease: once it has run out, another worker may already hold this job.
                    LOG.warn("job {} (event {}) not started: its lease ran out while earlier jobs of its batch ran",
                            job.id(), job.eventId());
                }
            }
        } finally {
            settle(wave, finished);
            complete(finished);
        }
        return claimed.size();
    }

    /** Commits what the wave kept; a job whose writes failed there is no longer finished but failed. */
    private void settle(ProcessEventUseCase.Wave wave, List<ClaimedJob> finished) {
        Map<UUID, RuntimeException> failed;
        try {
            failed = wave.commit();
        } catch (RuntimeException failure) {
            failed = new LinkedHashMap<>();
            for (ClaimedJob job : finished) {
                failed.put(job.eventId(), failure);
            }
        }
        if (failed.isEmpty()) {
            return;
        }
        for (Iterator<ClaimedJob> it = finished.iterator(); it.hasNext(); ) {
            ClaimedJob job = it.next();
            RuntimeException failure = failed.get(job.eventId());
            if (job.kind() == JobKind.PROCESS_EVENT && failure != null) {
                it.remove();
                failed(job, failure);
            }
        }
    }

    /** Runs until no job is ready; for tests and the CLI. */
    public int drain() {
        int total = 0;
        int claimed;
        while ((claimed = runOnce()) > 0) {
            total += claimed;
        }
        return total;
    }

    /**
     * Runs the job; answers whether it finished and waits to be marked done (a failure is marked at once). A
     * processed event's outcome may still wait in the wave.
     */
    private boolean run(ClaimedJob job, ProcessEventUseCase.Wave wave) {
        try {
            if (job.kind() == JobKind.RUN_ACTION) {
                return runAction(job);
            }
            ProcessOutcome outcome = wave.process(new ProcessEventCommand(job.eventId(), job.attempt(),
                    job.event()));
            if (outcome instanceof ProcessOutcome.Poison poison) {
                return buryPoison(job, poison.reason());
            }
            alerts.ifPresent(a -> a.cleared(CRM_CHANNEL));
            return true;
        } catch (RuntimeException failure) {
            failed(job, failure);
        }
        return false;
    }

    /** The error policy's verdict on a failed job, by what failed. */
    private void failed(ClaimedJob job, RuntimeException failure) {
        if (failure instanceof CrmFailure crm) {
            String errorClass = "crm:" + crm.kind().name().toLowerCase(java.util.Locale.ROOT);
            handle(job, new Classified(Verdict.valueOf(crm.kind().name()), errorClass, CRM_CHANNEL,
                    crm.retryAfter(), crm.kind() + ": " + crm.getMessage()));
        } else if (failure instanceof DeliveryFailure delivery) {
            handle(job, new Classified(Verdict.valueOf(delivery.kind().name()), delivery.errorClass(),
                    delivery.channel(), delivery.retryAfter(), delivery.kind() + ": " + delivery.getMessage()));
        } else {
            handle(job, new Classified(Verdict.RETRYABLE, failure.getClass().getSimpleName(), "worker",
                    Optional.empty(), failure.getClass().getSimpleName() + ": " + failure.getMessage()));
        }
    }

    private boolean runAction(ClaimedJob job) {
        RunActionUseCase runner = actions.orElseThrow(() -> new IllegalStateException(
                "an action job, but this worker runs no actions"));
        RunActionOutcome outcome = runner.run(new RunActionCommand(job.id(), job.attempt(), job.maxAttempts()));
        return outcome instanceof RunActionOutcome.Poison poison ? buryPoison(job, poison.reason()) : true;
    }

    /**
     * The outcome is already committed (the event's decision, or the action's delivery record). Failing to mark the
     * jobs (the connection died) is not a failure of the work, so it is not retried as one: that would set the event
     * back and run the pipeline again. The jobs keep their lease; their next claim finds the work done and does
     * nothing.
     */
    private void complete(List<ClaimedJob> finished) {
        if (finished.isEmpty()) {
            return;
        }
        try {
            Set<Long> marked = queue.completeAll(finished, clock.instant());
            finished.stream().filter(job -> !marked.contains(job.id())).forEach(job -> stale(job, "completion"));
        } catch (RuntimeException failure) {
            LOG.warn("{} job(s) finished, but marking them failed; each is claimed again when its lease ends: {}",
                    finished.size(), failure.toString());
        }
    }

    /** A poison outcome is committed too (see {@link #complete}); its job is buried at once. Never to be completed. */
    private boolean buryPoison(ClaimedJob job, String reason) {
        try {
            if (queue.deadLetter(job.id(), job.leaseToken(), reason, clock.instant())) {
                note(job, "dead", "poison", reason);
            } else {
                stale(job, "dead letter");
            }
        } catch (RuntimeException failure) {
            LOG.warn("job {} (event {}) finished, but marking it failed; it is claimed again when its lease ends: {}",
                    job.id(), job.eventId(), failure.toString());
        }
        return false;
    }

    /** The error policy's three answers: try again later, a person fixes the record, an operator fixes the setup. */
    private enum Verdict { RETRYABLE, REVIEW, ALERT }

    /** A failure as the error policy reads it: what to do, how to group it, whose alert, when the other side said. */
    private record Classified(Verdict kind, String errorClass, String channel, Optional<Duration> retryAfter,
            String error) {
    }

    private void handle(ClaimedJob job, Classified failure) {
        switch (failure.kind()) {
            case REVIEW -> bury(job, failure, EventStatus.REVIEW, "review");
            case ALERT -> {
                // At once: the operator hears of an expired token on its first refusal, not after five retries.
                alerts.ifPresentOrElse(a -> a.raise(failure.channel(), failure.error()),
                        () -> LOG.error("ALERT {}: {}", failure.channel(), failure.error()));
                bury(job, failure, EventStatus.DEAD, "alert");
            }
            case RETRYABLE -> retryOrBury(job, failure);
        }
    }

    private void retryOrBury(ClaimedJob job, Classified failure) {
        String error = failure.error();
        if (job.attempt() >= job.maxAttempts()) {
            bury(job, new Classified(failure.kind(), failure.errorClass(), failure.channel(), failure.retryAfter(),
                    "gave up after " + job.attempt() + " attempts: " + error), EventStatus.DEAD, "dead");
            return;
        }
        Instant now = clock.instant();
        Duration wait = policy.backoff(job.attempt(), failure.retryAfter());
        if (!queue.retryAt(job.id(), job.leaseToken(), now.plus(wait), error, now)) {
            stale(job, "retry after: " + error);
            return;
        }
        LOG.warn("job {} ({} for event {}) attempt {}/{} failed, retrying in {} ms: {}", job.id(), job.kind().key(),
                job.eventId(), job.attempt(), job.maxAttempts(), wait.toMillis(), error);
        note(job, "retry", failure.errorClass(), error);
        if (job.kind() == JobKind.PROCESS_EVENT) {
            recordFailure(job, error, Map.of("attempt", Integer.toString(job.attempt()),
                    "retryInMs", Long.toString(wait.toMillis())));
            events.updateStatus(job.eventId(), EventStatus.RECEIVED, Optional.of(error));
        }
    }

    /**
     * Dead-letters the job. An action job's event was processed: its status stays; the action's failures are on
     * the contact's timeline (written by the action runner).
     */
    private void bury(ClaimedJob job, Classified failure, EventStatus status, String outcome) {
        String error = failure.error();
        if (!queue.deadLetter(job.id(), job.leaseToken(), error, clock.instant())) {
            stale(job, "dead letter after: " + error);
            return;
        }
        LOG.error("job {} ({} for event {}) dead-lettered: {}", job.id(), job.kind().key(), job.eventId(), error);
        note(job, outcome, failure.errorClass(), error);
        if (job.kind() == JobKind.PROCESS_EVENT) {
            recordFailure(job, error, Map.of("attempt", Integer.toString(job.attempt()), "final", "true"));
            events.updateStatus(job.eventId(), status, Optional.of(error));
        }
    }

    private static void stale(ClaimedJob job, String mark) {
        LOG.warn("job {} (event {}, attempt {}): its lease ran out and the job is no longer this worker's; "
                + "its {} was not applied", job.id(), job.eventId(), job.attempt(), mark);
    }

    private void note(ClaimedJob job, String outcome, String errorClass, String error) {
        ledger.ifPresent(l -> l.recordAttempt(job.id(), new JobLedger.JobAttempt(job.attempt(), clock.instant(),
                outcome, errorClass, error)));
    }

    private void recordFailure(ClaimedJob job, String error, Map<String, String> details) {
        Map<String, String> evidence = new LinkedHashMap<>(details);
        evidence.put("error", error);
        audit.append(new AuditEvent(ids.newId(), clock.instant(), AuditKind.FAILED, ProcessEventService.EVENT,
                Optional.of(job.eventId().toString()), job.eventId(), Actor.system("worker"), error,
                Optional.empty(), Optional.empty(), evidence));
    }
}
