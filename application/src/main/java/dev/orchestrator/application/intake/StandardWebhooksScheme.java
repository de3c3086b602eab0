package dev.orchestrator.application.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Standard Webhooks v1: {@code webhook-signature: v1,<base64 HMAC-SHA256("id.timestamp.body")>}, several
 * space-separated signatures allowed, and several active secrets so a rotation needs no downtime. The
 * timestamp must lie within the tolerance on both sides: a far-future timestamp is as suspect as an old one.
 */
public final class StandardWebhooksScheme implements SignatureScheme {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private final List<WebhookSecret> secrets;
    private final Duration tolerance;

    public StandardWebhooksScheme(List<WebhookSecret> secrets, Duration tolerance) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required");
        }
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return "standard-webhooks";
    }

    @Override
    public SignatureCheck verify(WebhookRequest request, Instant now) {
        Optional<String> id = request.header(ID);
        Optional<String> timestamp = request.header(TIMESTAMP);
        Optional<String> signatures = request.header(SIGNATURE);
        if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MISSING_HEADER,
                    "webhook-id, webhook-timestamp and webhook-signature are required");
        }
        if (id.get().isBlank() || id.get().length() > 200) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MALFORMED_HEADER, "webhook-id is malformed");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MALFORMED_HEADER,
                    "webhook-timestamp must be integer Unix seconds");
        }
        long skew = Math.abs(now.getEpochSecond() - seconds);
        if (skew > tolerance.toSeconds()) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.STALE_TIMESTAMP,
                    "webhook-timestamp is outside the " + tolerance.toSeconds() + " s tolerance");
        }
        byte[] signedPrefix = (id.get() + "." + timestamp.get().strip() + ".").getBytes(StandardCharsets.UTF_8);
        for (WebhookSecret secret : secrets) {
            byte[] expected = Hmac.sha256(secret.key(), signedPrefix, request.bodyUnsafe());
            for (String candidate : signatures.get().strip().split(" +")) {
                if (matches(candidate, expected)) {
                    return new SignatureCheck.Valid(id.get());
                }
            }
        }
        return new SignatureCheck.Invalid(SignatureCheck.Reason.BAD_SIGNATURE, "no signature matches");
    }

    private static boolean matches(String candidate, byte[] expected) {
        int comma = candidate.indexOf(',');
        if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(candidate.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, expected);
    }

    /** Signs a body as a Standard Webhooks sender would; used by the CLI helper, tests and the load generator. */
    public static String sign(WebhookSecret secret, String id, long timestampSeconds, byte[] body) {
        byte[] prefix = (id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(Hmac.sha256(secret.key(), prefix, body));
    }
}
