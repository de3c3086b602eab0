package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ProcessEventCommand;
import dev.orchestrator.application.port.in.ProcessEventUseCase;
import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.ClaimedJob;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims jobs from the queue and runs them, applying the one error policy: retry with backoff while attempts
 * remain, dead-letter after the last, and never retry what cannot succeed.
 */
public final class JobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final JobQueue queue;
    private final ProcessEventUseCase processEvent;
    private final EventStore events;
    private final AuditLog audit;
    private final ErrorPolicy policy;
    private final IdGenerator ids;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;

    public JobWorker(JobQueue queue, ProcessEventUseCase processEvent, EventStore events, AuditLog audit,
            ErrorPolicy policy, IdGenerator ids, Clock clock, int batchSize, Duration lease) {
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

    /** Claims one batch and runs it; answers how many jobs were claimed, so a loop knows when to idle. */
    public int runOnce() {
        Instant claimedAt = clock.instant();
        List<ClaimedJob> claimed = queue.claim(batchSize, lease, claimedAt);
        for (ClaimedJob job : claimed) {
            if (clock.instant().isBefore(claimedAt.plus(lease))) {
                run(job);
            } else {
                // The batch shares one lease: once it has run out, another worker may already hold this job.
                LOG.warn("job {} (event {}) not started: its lease ran out while earlier jobs of its batch ran",
                        job.id(), job.eventId());
            }
        }
        return claimed.size();
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

    private void run(ClaimedJob job) {
        ProcessOutcome outcome;
        try {
            outcome = processEvent.process(new ProcessEventCommand(job.eventId(), job.attempt()));
        } catch (CrmFailure failure) {
            switch (failure.kind()) {
                case RETRYABLE -> retryOrBury(job, failure, failure.retryAfter());
                case REVIEW, ALERT -> bury(job, failure.kind() + ": " + failure.getMessage(),
                        failure.kind() == CrmFailure.Kind.REVIEW ? EventStatus.REVIEW : EventStatus.DEAD);
            }
            return;
        } catch (RuntimeException failure) {
            retryOrBury(job, failure, Optional.empty());
            return;
        }
        markFinished(job, outcome);
    }

    /**
     * The outcome is already committed with the event. Failing to mark the job (the connection died) is not a
     * failure of the work, so it is not retried as one: that would set the event back and run the pipeline again.
     * The job keeps its lease; its next claim finds the event decided and does nothing.
     */
    private void markFinished(ClaimedJob job, ProcessOutcome outcome) {
        try {
            if (outcome instanceof ProcessOutcome.Poison poison) {
                queue.deadLetter(job.id(), poison.reason(), clock.instant());
            } else {
                queue.complete(job.id(), clock.instant());
            }
        } catch (RuntimeException failure) {
            LOG.warn("job {} (event {}) finished, but marking it failed; it is claimed again when its lease ends: {}",
                    job.id(), job.eventId(), failure.toString());
        }
    }

    private void retryOrBury(ClaimedJob job, RuntimeException failure, Optional<Duration> retryAfter) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (job.attempt() >= job.maxAttempts()) {
            bury(job, "gave up after " + job.attempt() + " attempts: " + error, EventStatus.DEAD);
            return;
        }
        Instant now = clock.instant();
        Duration wait = policy.backoff(job.attempt(), retryAfter);
        LOG.warn("job {} (event {}) attempt {}/{} failed, retrying in {} ms: {}", job.id(), job.eventId(),
                job.attempt(), job.maxAttempts(), wait.toMillis(), error);
        recordFailure(job, error, Map.of("attempt", Integer.toString(job.attempt()),
                "retryInMs", Long.toString(wait.toMillis())));
        queue.retryAt(job.id(), now.plus(wait), error, now);
        events.updateStatus(job.eventId(), EventStatus.RECEIVED, Optional.of(error));
    }

    private void bury(ClaimedJob job, String error, EventStatus status) {
        LOG.error("job {} (event {}) dead-lettered: {}", job.id(), job.eventId(), error);
        recordFailure(job, error, Map.of("attempt", Integer.toString(job.attempt()), "final", "true"));
        queue.deadLetter(job.id(), error, clock.instant());
        events.updateStatus(job.eventId(), status, Optional.of(error));
    }

    private void recordFailure(ClaimedJob job, String error, Map<String, String> details) {
        Map<String, String> evidence = new LinkedHashMap<>(details);
        evidence.put("error", error);
        audit.append(new AuditEvent(ids.newId(), clock.instant(), AuditKind.FAILED, ProcessEventService.EVENT,
                Optional.of(job.eventId().toString()), job.eventId(), Actor.system("worker"), error,
                Optional.empty(), Optional.empty(), evidence));
    }
}
