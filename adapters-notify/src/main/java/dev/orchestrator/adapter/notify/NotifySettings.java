package dev.orchestrator.adapter.notify;

import dev.orchestrator.application.intake.WebhookSecret;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where notifications go, from the environment: {@code SLACK_WEBHOOK_URL} (Slack actions),
 * {@code SLACK_ALERT_WEBHOOK_URL} (operator alerts; defaults to the first), {@code OUTBOUND_WEBHOOK_URL} (any
 * other action), {@code SEQUENCE_WEBHOOK_URL} (sequence / nurture start; defaults to the outbound one) and
 * {@code OUTBOUND_WEBHOOK_SECRET} ({@code whsec_…}, signs both). {@code toString} shows no URL path or secret:
 * a Slack webhook URL is itself a credential.
 */
public record NotifySettings(Optional<URI> slackWebhookUrl, Optional<URI> alertWebhookUrl,
        Optional<URI> outboundWebhookUrl, Optional<URI> sequenceWebhookUrl, Optional<WebhookSecret> outboundSecret,
        Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public NotifySettings {
        if ((outboundWebhookUrl.isPresent() || sequenceWebhookUrl.isPresent()) && outboundSecret.isEmpty()) {
            throw new IllegalArgumentException("OUTBOUND_WEBHOOK_SECRET is required when an outbound webhook URL is set");
        }
    }

    public static NotifySettings fromEnvironment(Map<String, String> env) {
        Optional<URI> slack = url(env, "SLACK_WEBHOOK_URL");
        Optional<URI> outbound = url(env, "OUTBOUND_WEBHOOK_URL");
        Optional<WebhookSecret> secret = Optional.ofNullable(env.get("OUTBOUND_WEBHOOK_SECRET"))
                .filter(s -> !s.isBlank()).map(String::strip).map(WebhookSecret::parse);
        Duration timeout = Optional.ofNullable(env.get("NOTIFY_TIMEOUT_MS")).filter(s -> !s.isBlank())
                .map(s -> Duration.ofMillis(Long.parseLong(s.strip()))).orElse(DEFAULT_TIMEOUT);
        return new NotifySettings(slack, url(env, "SLACK_ALERT_WEBHOOK_URL").or(() -> slack), outbound,
                url(env, "SEQUENCE_WEBHOOK_URL").or(() -> outbound), secret, timeout);
    }

    private static Optional<URI> url(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank()).map(s -> {
            try {
                return URI.create(s.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " is not a URL");
            }
        });
    }

    @Override
    public String toString() {
        return "NotifySettings[slack=" + host(slackWebhookUrl) + ", alerts=" + host(alertWebhookUrl) + ", outbound="
                + host(outboundWebhookUrl) + ", sequence=" + host(sequenceWebhookUrl) + ", timeout=" + timeout + "]";
    }

    private static String host(Optional<URI> url) {
        return url.map(u -> u.getScheme() + "://" + u.getHost() + "/…").orElse("unset");
    }
}
