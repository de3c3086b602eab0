package dev.orchestrator.application.actions;

import dev.orchestrator.application.port.out.actions.ActionJob;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.application.service.ActionPlanner;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code crm_task: "Call within 1 business day"}: a task on the contact in the CRM, for its owner, due when the
 * business-day rule says (computed when the decision was made, weekends and closed hours skipped). The CRM
 * write carries the action's idempotency key, so a retry after a timeout finds the first task.
 */
public final class CrmTaskAction implements ActionExecutor {
    public static final String TYPE = "crm_task";
    /** The CRM's alert channel: the one a CRM failure raises, so a task written closes it. */
    public static final String CHANNEL = "crm";
    private final Optional<CrmEngagements> engagements;
    private final String crmName;

    public CrmTaskAction(Optional<CrmEngagements> engagements, String crmName) {
        this.engagements = engagements;
        this.crmName = crmName;
    }

    @Override
    public boolean handles(String type) {
        return TYPE.equals(type);
    }

    @Override
    public ActionResult execute(ActionJob job) {
        if (engagements.isEmpty()) {
            return new ActionResult.Skipped(CHANNEL, "the " + crmName + " connector writes no tasks");
        }
        CrmObjectId contact = job.detail("contact.crmId").map(CrmObjectId::new).orElseThrow(() -> new CrmFailure(
                CrmFailure.Kind.REVIEW, "contact " + job.contactId() + " has no CRM id to put a task on"));
        Instant due = Instant.parse(job.detail(ActionPlanner.TASK_DUE_AT).orElseThrow(() -> new CrmFailure(
                CrmFailure.Kind.REVIEW, "task without a due time")));
        String body = "Rule " + job.detail("transitionRule").orElse(job.actionRuleId()) + " moved "
                + job.detail("contact.email").orElse("the contact") + " to " + job.detail("contact.stage").orElse("")
                + " (fit " + job.detail("score.fit").orElse("0") + ", behaviour "
                + job.detail("score.behavior").orElse("0") + ").";
        CrmObjectId task = engagements.get().createTask(new TaskDraft(job.idempotencyKey(), contact, job.target(),
                body, due, job.detail("contact.owner")));
        return new ActionResult.Sent(CHANNEL, "task " + task + " due " + due);
    }
}
