package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.BulkReplayCommand;
import dev.orchestrator.application.port.in.BulkReplayUseCase;
import dev.orchestrator.application.port.in.DeadLetterDetail;
import dev.orchestrator.application.port.in.DeadLetterDetailUseCase;
import dev.orchestrator.application.port.in.DeadLetterPage;
import dev.orchestrator.application.port.in.DeadLetterQuery;
import dev.orchestrator.application.port.in.DeadLetterQueryUseCase;
import dev.orchestrator.application.port.in.ReplayDeadLetterCommand;
import dev.orchestrator.application.port.in.ReplayDeadLetterUseCase;
import dev.orchestrator.application.port.in.ReplayOutcome;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.DeadLetter;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.JobLedger;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lists dead letters and replays them. A replay puts the job back as ready with its attempts counted from zero
 * and the event back to {@code received}, in one transaction with an audit event naming the user; replaying is
 * safe because processing searches the CRM before it creates.
 */
public final class DeadLetterService implements DeadLetterQueryUseCase, ReplayDeadLetterUseCase, BulkReplayUseCase,
        DeadLetterDetailUseCase {
    private final JobQueue jobs;
    private final EventStore events;
    private final AuditLog audit;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final Optional<JobLedger> ledger;

    public DeadLetterService(JobQueue jobs, EventStore events, AuditLog audit, Transactions transactions,
            IdGenerator ids, Clock clock) {
        this(jobs, events, audit, transactions, ids, clock, Optional.empty());
    }

    /** As above, with the job ledger: attempt histories, bulk replay, and action jobs told from event jobs. */
    public DeadLetterService(JobQueue jobs, EventStore events, AuditLog audit, Transactions transactions,
            IdGenerator ids, Clock clock, Optional<JobLedger> ledger) {
        this.ledger = ledger;
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public DeadLetterPage deadLetters(DeadLetterQuery query) {
        List<DeadLetter> found = jobs.deadLetters(query.afterJobId(), query.pageSize() + 1);
        if (found.size() <= query.pageSize()) {
            return new DeadLetterPage(found, Optional.empty());
        }
        List<DeadLetter> page = List.copyOf(found.subList(0, query.pageSize()));
        return new DeadLetterPage(page, Optional.of(page.get(page.size() - 1).jobId()));
    }

    @Override
    public List<ReplayOutcome> replay(ReplayDeadLetterCommand command) {
        List<ReplayOutcome> outcomes = new ArrayList<>();
        for (long jobId : command.jobIds()) {
            outcomes.add(transactions.inTransaction(() -> replayOne(jobId, command.actor())));
        }
        return outcomes;
    }

    @Override
    public List<ReplayOutcome> replayMatching(BulkReplayCommand command) {
        JobLedger jobLedger = ledger.orElseThrow(() -> new IllegalStateException("bulk replay needs the job ledger"));
        List<Long> matching = jobLedger.deadJobs(new JobLedger.DeadLetterFilter(command.errorClass(),
                command.from(), command.to()), command.limit());
        List<ReplayOutcome> outcomes = new ArrayList<>();
        for (long jobId : matching) {
            outcomes.add(transactions.inTransaction(() -> replayOne(jobId, command.actor())));
        }
        return outcomes;
    }

    @Override
    public Optional<DeadLetterDetail> detail(long jobId) {
        // A keyset page that starts just above the job holds it first, if it is dead.
        Optional<DeadLetter> dead = jobs.deadLetters(Optional.of(jobId + 1), 1).stream()
                .filter(letter -> letter.jobId() == jobId).findFirst();
        return dead.map(letter -> new DeadLetterDetail(letter,
                ledger.flatMap(l -> l.kind(jobId)).orElse(JobKind.PROCESS_EVENT).key(),
                ledger.map(l -> l.attempts(jobId)).orElse(List.of()), audit.byCorrelation(letter.eventId())));
    }

    private ReplayOutcome replayOne(long jobId, String actor) {
        Instant now = clock.instant();
        Optional<UUID> revived = jobs.revive(jobId, now);
        if (revived.isEmpty()) {
            return new ReplayOutcome.NotDead(jobId);
        }
        UUID eventId = revived.get();
        // An action job's event was processed already: it stays done while its action runs again.
        if (ledger.flatMap(l -> l.kind(jobId)).orElse(JobKind.PROCESS_EVENT) == JobKind.PROCESS_EVENT) {
            events.updateStatus(eventId, EventStatus.RECEIVED, Optional.empty());
        }
        audit.append(new AuditEvent(ids.newId(), now, AuditKind.REPLAYED, ProcessEventService.EVENT,
                Optional.of(eventId.toString()), eventId, Actor.user(actor),
                "dead letter replayed by " + actor, Optional.empty(), Optional.empty(), Map.of("jobId", Long.toString(jobId))));
        return new ReplayOutcome.Replayed(jobId, eventId);
    }
}
