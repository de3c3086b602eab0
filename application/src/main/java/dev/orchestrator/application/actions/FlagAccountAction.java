package dev.orchestrator.application.actions;

import dev.orchestrator.application.port.out.actions.ActionJob;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.NoteDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code flag_account: executive-attention}: the flag is written where the team reads, as a note on the contact
 * in the CRM (once per idempotency key), and it is always in the audit trail (the action-sent event names the
 * flag). Without a CRM that takes notes, or a contact without a CRM id, the audit trail alone carries it.
 */
public final class FlagAccountAction implements ActionExecutor {
    public static final String TYPE = "flag_account";
    private final Optional<CrmEngagements> engagements;
    private final String crmName;

    public FlagAccountAction(Optional<CrmEngagements> engagements, String crmName) {
        this.engagements = engagements;
        this.crmName = crmName;
    }

    @Override
    public boolean handles(String type) {
        return TYPE.equals(type);
    }

    @Override
    public ActionResult execute(ActionJob job) {
        String account = job.detail("company.name").or(() -> job.detail("company.domain"))
                .or(() -> job.detail("contact.company")).orElse("the account");
        Optional<CrmObjectId> contact = job.detail("contact.crmId").map(CrmObjectId::new);
        if (engagements.isEmpty() || contact.isEmpty()) {
            return new ActionResult.Sent("audit", "account " + account + " flagged " + job.target());
        }
        CrmObjectId note = engagements.get().createNote(new NoteDraft(job.idempotencyKey(), contact.get(),
                "Account " + account + " flagged " + job.target() + " by rule "
                        + job.detail("transitionRule").orElse(job.actionRuleId()) + ".",
                job.detail("decidedAt").map(Instant::parse).orElse(Instant.EPOCH)));
        return new ActionResult.Sent(CrmTaskAction.CHANNEL, "account " + account + " flagged " + job.target()
                + " (note " + note + " in " + crmName + ")");
    }
}
