package dev.orchestrator.adapter.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.notify.DeliveryFailure;
import dev.orchestrator.application.port.out.notify.OperatorNotifier;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator alerts: always in the log (at ERROR, for whoever watches it), and to Slack when an alert webhook is
 * configured, unless Slack itself is what failed, where a post would only fail again.
 */
final class SlackOperatorNotifier implements OperatorNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SlackOperatorNotifier.class);
    private final Optional<URI> url;
    private final boolean sameAsActions;
    private final HttpDelivery delivery;
    private final ObjectMapper json;

    /** @param sameAsActions the alert webhook is the one Slack actions post to (an outage of one is of both) */
    SlackOperatorNotifier(Optional<URI> url, boolean sameAsActions, HttpDelivery delivery, ObjectMapper json) {
        this.url = url;
        this.sameAsActions = sameAsActions;
        this.delivery = delivery;
        this.json = json;
    }

    @Override
    public void alert(String channel, String reason) {
        LOG.error("ALERT {}: {}", channel, reason);
        if (url.isEmpty() || sameAsActions && channel.equals(SlackWebhookNotifier.CHANNEL)) {
            return;
        }
        try {
            delivery.post("slack-alert", url.get(), json.writeValueAsBytes(java.util.Map.of("text",
                    ":rotating_light: crm-orchestrator alert on " + channel + ": "
                            + SlackWebhookNotifier.escape(reason))));
        } catch (DeliveryFailure | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.error("the alert could not be posted to Slack: {}", e.getMessage());
        }
    }
}
