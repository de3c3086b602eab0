package dev.orchestrator.application.intake;

import dev.orchestrator.domain.shared.DomainViolation;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret ({@code whsec_} + base64). The HMAC key is the decoded tail, not the
 * string itself (Stripe's scheme differs on exactly this point). {@code toString} never shows the secret.
 */
public final class WebhookSecret {
    private static final String PREFIX = "whsec_";
    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    public static WebhookSecret parse(String secret) {
        String trimmed = secret == null ? "" : secret.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new DomainViolation("secret", "must start with whsec_");
        }
        try {
            byte[] key = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
            if (key.length < 16) {
                throw new DomainViolation("secret", "must decode to at least 16 bytes");
            }
            return new WebhookSecret(key);
        } catch (IllegalArgumentException e) {
            throw new DomainViolation("secret", "is not valid base64 after whsec_");
        }
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "whsec_***";
    }
}
