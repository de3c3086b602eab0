package dev.orchestrator.adapter.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import dev.orchestrator.application.port.out.notify.OutboundMessage;
import dev.orchestrator.application.port.out.notify.OutboundWebhooks;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Outbound webhooks signed with Standard Webhooks: body {@code {"type", "timestamp", "data"}}, headers
 * {@code webhook-id} (the action's idempotency key, the same on every retry), {@code webhook-timestamp} (Unix
 * seconds of this attempt) and {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}).
 */
final class SignedWebhookSender implements OutboundWebhooks {
    private final Map<String, URI> routes;
    private final Optional<WebhookSecret> secret;
    private final HttpDelivery delivery;
    private final ObjectMapper json;
    private final java.time.Clock clock;

    SignedWebhookSender(Map<String, URI> routes, Optional<WebhookSecret> secret, HttpDelivery delivery,
            ObjectMapper json, java.time.Clock clock) {
        this.routes = Map.copyOf(routes);
        this.secret = secret;
        this.delivery = delivery;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public boolean configured(String route) {
        return routes.containsKey(route) && secret.isPresent();
    }

    @Override
    public void deliver(String route, OutboundMessage message) {
        URI url = routes.get(route);
        if (url == null || secret.isEmpty()) {
            throw new IllegalStateException("no outbound webhook configured for " + route);
        }
        byte[] body = body(message);
        long timestamp = clock.instant().getEpochSecond();
        String id = message.id().replace('.', '_');
        delivery.post("webhook:" + route, url, body,
                StandardWebhooksScheme.ID, id,
                StandardWebhooksScheme.TIMESTAMP, Long.toString(timestamp),
                StandardWebhooksScheme.SIGNATURE, StandardWebhooksScheme.sign(secret.get(), id, timestamp, body));
    }

    byte[] body(OutboundMessage message) {
        ObjectNode root = json.createObjectNode();
        root.put("type", message.type());
        root.put("timestamp", message.timestamp().toString());
        ObjectNode data = root.putObject("data");
        message.data().forEach(data::put);
        try {
            return json.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
