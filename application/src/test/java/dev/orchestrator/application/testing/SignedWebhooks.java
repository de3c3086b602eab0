package dev.orchestrator.application.testing;

import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookRequest;
import dev.orchestrator.application.intake.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Builds webhook deliveries signed as a Standard Webhooks sender would sign them. */
public final class SignedWebhooks {
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private SignedWebhooks() {
    }

    public static WebhookRequest form(String id, Instant at, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        long ts = at.getEpochSecond();
        String signature = StandardWebhooksScheme.sign(WebhookSecret.parse(SECRET), id, ts, body);
        return new WebhookRequest("POST", "/webhooks/form", Map.of(
                "webhook-id", id,
                "webhook-timestamp", Long.toString(ts),
                "webhook-signature", signature,
                "content-type", "application/json"), body);
    }

    public static String lead(String email) {
        return "{\"id\":\"form-1\",\"email\":\"" + email + "\",\"firstName\":\"Jane\",\"lastName\":\"Doe\","
                + "\"company\":\"Acme Corporation\",\"phone\":\"+1 415 555 2671\",\"country\":\"US\",\"consent\":true}";
    }
}
