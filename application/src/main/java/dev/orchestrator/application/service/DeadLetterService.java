package dev.orchestrator.application.service;

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
public final class DeadLetterService implements DeadLetterQueryUseCase, ReplayDeadLetterUseCase {
    private final JobQueue jobs;
    private final EventStore events;
    private final AuditLog audit;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public DeadLetterService(JobQueue jobs, EventStore events, AuditLog audit, Transactions transactions,
            IdGenerator ids, Clock clock) {
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

    private ReplayOutcome replayOne(long jobId, String actor) {
        Instant now = clock.instant();
        Optional<UUID> revived = jobs.revive(jobId, now);
        if (revived.isEmpty()) {
            return new ReplayOutcome.NotDead(jobId);
        }
        UUID eventId = revived.get();
        events.updateStatus(eventId, EventStatus.RECEIVED, Optional.empty());
        audit.append(new AuditEvent(ids.newId(), now, AuditKind.REPLAYED, ProcessEventService.EVENT,
                Optional.of(eventId.toString()), eventId, Actor.user(actor),
                "dead letter replayed by " + actor, Optional.empty(), Optional.empty(), Map.of("jobId", Long.toString(jobId))));
        return new ReplayOutcome.Replayed(jobId, eventId);
    }
}
