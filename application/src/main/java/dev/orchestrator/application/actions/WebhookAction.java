package dev.orchestrator.application.actions;

import dev.orchestrator.application.port.out.actions.ActionJob;
import dev.orchestrator.application.port.out.notify.OutboundMessage;
import dev.orchestrator.application.port.out.notify.OutboundWebhooks;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sequence: nurture-recycle} and any action type nobody else handles: a Standard Webhooks POST to the
 * endpoint configured for its route. The message id is the action's idempotency key (the same on every retry),
 * so the receiver drops a redelivery; the data is the action and the decision's snapshot.
 */
public final class WebhookAction implements ActionExecutor {
    public static final String SEQUENCE = "sequence";
    private final OutboundWebhooks webhooks;
    private final Clock clock;

    public WebhookAction(OutboundWebhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** The catch-all: every type (put it last). */
    @Override
    public boolean handles(String type) {
        return true;
    }

    @Override
    public ActionResult execute(ActionJob job) {
        String route = job.type().equals(SEQUENCE) ? OutboundWebhooks.SEQUENCE : OutboundWebhooks.DEFAULT;
        String channel = "webhook:" + route;
        if (!webhooks.configured(route)) {
            return new ActionResult.Skipped(channel, route.equals(OutboundWebhooks.SEQUENCE)
                    ? "neither SEQUENCE_WEBHOOK_URL nor OUTBOUND_WEBHOOK_URL is set" : "OUTBOUND_WEBHOOK_URL is not set");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("action", job.type());
        data.put("target", job.target());
        data.put("actionRule", job.actionRuleId());
        data.put("eventId", job.eventId().toString());
        data.put("contactId", job.contactId());
        data.putAll(job.details());
        webhooks.deliver(route, new OutboundMessage(job.idempotencyKey(),
                job.type().equals(SEQUENCE) ? "sequence.enroll" : "action." + job.type(), clock.instant(), data));
        return new ActionResult.Sent(channel, job.type() + " " + job.target() + " delivered");
    }
}
