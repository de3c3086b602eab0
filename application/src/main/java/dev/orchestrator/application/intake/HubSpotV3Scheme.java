package dev.orchestrator.application.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * HubSpot's v3 request signature: {@code X-HubSpot-Signature-v3 = base64(HMAC-SHA256(clientSecret,
 * method + uri + body + timestamp))}, with {@code X-HubSpot-Request-Timestamp} in epoch <em>milliseconds</em>
 * and the URI being the public URL HubSpot called (configure {@code PUBLIC_BASE_URL} behind a proxy). HubSpot
 * names no delivery id and batches events, so a delivery is known by its payload hash; events inside are
 * deduplicated per {@code eventId} downstream.
 */
public final class HubSpotV3Scheme implements SignatureScheme {
    public static final String SIGNATURE = "x-hubspot-signature-v3";
    public static final String TIMESTAMP = "x-hubspot-request-timestamp";

    private final List<byte[]> secrets;
    private final Duration tolerance;

    public HubSpotV3Scheme(List<String> clientSecrets, Duration tolerance) {
        if (clientSecrets.isEmpty()) {
            throw new IllegalArgumentException("at least one client secret is required");
        }
        this.secrets = clientSecrets.stream().map(s -> s.strip().getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return "hubspot-v3";
    }

    @Override
    public SignatureCheck verify(WebhookRequest request, Instant now) {
        Optional<String> signature = request.header(SIGNATURE);
        Optional<String> timestamp = request.header(TIMESTAMP);
        if (signature.isEmpty() || timestamp.isEmpty()) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MISSING_HEADER,
                    "X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MALFORMED_HEADER,
                    "X-HubSpot-Request-Timestamp must be epoch milliseconds");
        }
        if (Math.abs(now.toEpochMilli() - millis) > tolerance.toMillis()) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.STALE_TIMESTAMP,
                    "X-HubSpot-Request-Timestamp is outside the " + tolerance.toSeconds() + " s tolerance");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.get().strip());
        } catch (IllegalArgumentException e) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MALFORMED_HEADER,
                    "X-HubSpot-Signature-v3 is not base64");
        }
        byte[] prefix = (request.method() + request.uri()).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = timestamp.get().strip().getBytes(StandardCharsets.UTF_8);
        for (byte[] secret : secrets) {
            if (MessageDigest.isEqual(given, Hmac.sha256(secret, prefix, request.bodyUnsafe(), suffix))) {
                return new SignatureCheck.Valid("sha256:" + PayloadHash.sha256Hex(request.bodyUnsafe()));
            }
        }
        return new SignatureCheck.Invalid(SignatureCheck.Reason.BAD_SIGNATURE, "no signature matches");
    }

    public static String sign(String clientSecret, String method, String uri, byte[] body, long timestampMillis) {
        byte[] mac = Hmac.sha256(clientSecret.getBytes(StandardCharsets.UTF_8),
                (method + uri).getBytes(StandardCharsets.UTF_8), body,
                Long.toString(timestampMillis).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }
}
