package dev.orchestrator.adapter.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.outbound.OutboundUrlPolicy;
import dev.orchestrator.application.port.out.notify.OperatorNotifier;
import dev.orchestrator.application.port.out.notify.OutboundWebhooks;
import dev.orchestrator.application.port.out.notify.SlackNotifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The notify adapter's one public entry: Slack, signed outbound webhooks and operator alerts over one client. */
public final class NotifyAdapter {
    private final SlackNotifier slack;
    private final OutboundWebhooks webhooks;
    private final OperatorNotifier operator;

    private NotifyAdapter(SlackNotifier slack, OutboundWebhooks webhooks, OperatorNotifier operator) {
        this.slack = slack;
        this.webhooks = webhooks;
        this.operator = operator;
    }

    public static NotifyAdapter create(NotifySettings settings, HttpClient http, OutboundUrlPolicy policy,
            Clock clock) {
        ObjectMapper json = new ObjectMapper();
        HttpDelivery delivery = new HttpDelivery(http, policy, settings.timeout(), clock);
        Map<String, URI> routes = new LinkedHashMap<>();
        settings.outboundWebhookUrl().ifPresent(url -> routes.put(OutboundWebhooks.DEFAULT, url));
        settings.sequenceWebhookUrl().ifPresent(url -> routes.put(OutboundWebhooks.SEQUENCE, url));
        return new NotifyAdapter(new SlackWebhookNotifier(settings.slackWebhookUrl(), delivery, json),
                new SignedWebhookSender(routes, settings.outboundSecret(), delivery, json, clock),
                new SlackOperatorNotifier(settings.alertWebhookUrl(),
                        settings.alertWebhookUrl().equals(settings.slackWebhookUrl()), delivery, json));
    }

    public SlackNotifier slack() {
        return slack;
    }

    public OutboundWebhooks webhooks() {
        return webhooks;
    }

    public OperatorNotifier operator() {
        return operator;
    }
}
