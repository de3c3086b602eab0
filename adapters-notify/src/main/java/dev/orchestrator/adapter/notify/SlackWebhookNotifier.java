package dev.orchestrator.adapter.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.application.port.out.notify.SlackMessage;
import dev.orchestrator.application.port.out.notify.SlackNotifier;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Slack incoming webhook: a Block Kit message (header, the lead in a sentence, the enrichment facts as fields,
 * the signals, a button to the "why" page) with {@code text} as the notification fallback. Slack answers errors
 * as plain text ({@code invalid_token}, {@code no_service}, {@code channel_not_found}, {@code invalid_payload}),
 * which is kept as the error body.
 */
final class SlackWebhookNotifier implements SlackNotifier {
    static final String CHANNEL = "slack";
    private static final int MAX_FIELDS = 10;
    private final Optional<URI> url;
    private final HttpDelivery delivery;
    private final ObjectMapper json;

    SlackWebhookNotifier(Optional<URI> url, HttpDelivery delivery, ObjectMapper json) {
        this.url = url;
        this.delivery = delivery;
        this.json = json;
    }

    @Override
    public boolean configured() {
        return url.isPresent();
    }

    @Override
    public void send(SlackMessage message) {
        delivery.post(CHANNEL, url.orElseThrow(() -> new IllegalStateException("SLACK_WEBHOOK_URL is not set")),
                blockKit(message));
    }

    byte[] blockKit(SlackMessage message) {
        ObjectNode root = json.createObjectNode();
        root.put("text", message.text());
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", limit(message.title(), 150));
        section(blocks, message.text() + "\n_for " + message.channel() + "_");
        List<SlackMessage.Fact> facts = message.facts();
        if (!facts.isEmpty()) {
            ObjectNode fields = blocks.addObject().put("type", "section");
            ArrayNode list = fields.putArray("fields");
            facts.stream().limit(MAX_FIELDS).forEach(fact -> list.addObject().put("type", "mrkdwn")
                    .put("text", "*" + escape(fact.label()) + "*\n" + escape(fact.value())));
        }
        if (!message.signals().isEmpty()) {
            StringBuilder signals = new StringBuilder("*Signals*");
            message.signals().forEach(signal -> signals.append("\n• ").append(escape(signal)));
            section(blocks, signals.toString());
        }
        message.link().ifPresent(link -> {
            ObjectNode actions = blocks.addObject().put("type", "actions");
            ObjectNode button = actions.putArray("elements").addObject().put("type", "button").put("url", link);
            button.putObject("text").put("type", "plain_text").put("text", "Why?");
        });
        try {
            return json.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void section(ArrayNode blocks, String markdown) {
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", limit(markdown, 3000));
    }

    /** Slack's mrkdwn treats these three as control characters; a company named "<!channel>" stays text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
