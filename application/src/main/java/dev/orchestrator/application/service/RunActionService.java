package dev.orchestrator.application.service;

import dev.orchestrator.application.actions.ActionExecutor;
import dev.orchestrator.application.actions.ActionResult;
import dev.orchestrator.application.port.in.RunActionCommand;
import dev.orchestrator.application.port.in.RunActionOutcome;
import dev.orchestrator.application.port.in.RunActionUseCase;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.application.port.out.actions.ActionJob;
import dev.orchestrator.application.port.out.actions.ActionOutbox;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one action job: outside any transaction while the receiver is called, then, the moment it answered 2xx,
 * the delivery is recorded in a transaction of its own (one insert and the audit event), before the job is
 * marked done. Slack takes no idempotency key, so this record is the only guard against a second message: a
 * retry finds it and sends nothing. A second message is possible only if the process dies between Slack's 2xx
 * and that commit (milliseconds); CRM tasks and signed webhooks carry the idempotency key as well, so for them
 * even that window writes nothing twice.
 */
public final class RunActionService implements RunActionUseCase {
    private final ActionOutbox outbox;
    private final List<ActionExecutor> executors;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Optional<OperatorAlertService> alerts;
    private final IdGenerator ids;
    private final Clock clock;

    /** @param executors asked in order; the first that handles the action's type runs it */
    public RunActionService(ActionOutbox outbox, List<ActionExecutor> executors, AuditLog audit,
            Transactions transactions, Optional<OperatorAlertService> alerts, IdGenerator ids, Clock clock) {
        this.outbox = outbox;
        this.executors = List.copyOf(executors);
        this.audit = audit;
        this.transactions = transactions;
        this.alerts = alerts;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public RunActionOutcome run(RunActionCommand command) {
        Optional<ActionJob> found = outbox.job(command.jobId());
        if (found.isEmpty()) {
            return new RunActionOutcome.Poison("action job " + command.jobId() + " carries no action");
        }
        ActionJob job = found.get();
        if (outbox.deliveredAt(job.idempotencyKey()).isPresent()) {
            return new RunActionOutcome.AlreadySent(job.type());
        }
        ActionExecutor executor = executors.stream().filter(e -> e.handles(job.type())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no executor for action type " + job.type()));
        ActionResult result;
        try {
            result = executor.execute(job);
        } catch (RuntimeException failure) {
            failed(job, command, failure);
            throw failure;
        }
        Instant at = clock.instant();
        if (result instanceof ActionResult.Sent sent) {
            transactions.inTransaction(() -> {
                outbox.recordDelivered(job.idempotencyKey(), command.jobId(), sent.channel(), sent.detail(), at);
                audit.append(event(job, AuditKind.ACTION_SENT, at, job.type() + " " + job.target() + ": "
                        + sent.detail(), evidence(job, command, "sent", sent.channel(), sent.detail())));
                return null;
            });
            alerts.ifPresent(a -> a.cleared(sent.channel()));
            return new RunActionOutcome.Sent(sent.channel(), sent.detail());
        }
        ActionResult.Skipped skipped = (ActionResult.Skipped) result;
        transactions.inTransaction(() -> {
            outbox.recordDelivered(job.idempotencyKey(), command.jobId(), skipped.channel(),
                    "skipped: " + skipped.reason(), at);
            audit.append(event(job, AuditKind.ACTION_FAILED, at, job.type() + " " + job.target()
                    + " not sent: " + skipped.reason(), evidence(job, command, "skipped", skipped.channel(),
                    skipped.reason())));
            return null;
        });
        return new RunActionOutcome.Skipped(skipped.channel(), skipped.reason());
    }

    /** Every failed attempt is on the contact's timeline, with the attempt and the receiver's answer. */
    private void failed(ActionJob job, RunActionCommand command, RuntimeException failure) {
        Instant at = clock.instant();
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        Map<String, String> evidence = evidence(job, command, "failed", job.type(), error);
        evidence.put("final", Boolean.toString(command.attempt() >= command.maxAttempts()));
        try {
            transactions.inTransaction(() -> {
                audit.append(event(job, AuditKind.ACTION_FAILED, at, job.type() + " " + job.target()
                        + " failed (attempt " + command.attempt() + "/" + command.maxAttempts() + "): "
                        + failure.getMessage(), evidence));
                return null;
            });
        } catch (RuntimeException auditFailure) {
            failure.addSuppressed(auditFailure);
        }
    }

    private AuditEvent event(ActionJob job, AuditKind kind, Instant at, String summary, Map<String, String> evidence) {
        return new AuditEvent(ids.newId(), at, kind, ProcessEventService.CONTACT, Optional.of(job.contactId()),
                job.eventId(), Actor.system("actions"), summary, Optional.of(job.actionRuleId()),
                Optional.ofNullable(job.details().get("rulesetVersion")), evidence);
    }

    private static Map<String, String> evidence(ActionJob job, RunActionCommand command, String outcome,
            String channel, String detail) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("outcome", outcome);
        evidence.put("type", job.type());
        evidence.put("target", job.target());
        evidence.put("channel", channel);
        evidence.put("idempotencyKey", job.idempotencyKey());
        evidence.put("jobId", Long.toString(command.jobId()));
        evidence.put("attempt", Integer.toString(command.attempt()));
        evidence.put("detail", detail);
        return evidence;
    }
}
