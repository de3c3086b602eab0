package dev.orchestrator.application.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Stripe-style signatures: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]}, HMAC-SHA256 over
 * {@code t + "." + body} keyed with the <em>whole</em> secret string, {@code whsec_} included (Standard
 * Webhooks decodes it instead). Several {@code v1} values appear while Stripe rotates a secret.
 */
public final class StripeScheme implements SignatureScheme {
    public static final String SIGNATURE = "stripe-signature";

    private final List<byte[]> secrets;
    private final Duration tolerance;

    public StripeScheme(List<String> secrets, Duration tolerance) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required");
        }
        this.secrets = secrets.stream().map(s -> s.strip().getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public SignatureCheck verify(WebhookRequest request, Instant now) {
        Optional<String> header = request.header(SIGNATURE);
        if (header.isEmpty()) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MISSING_HEADER, "Stripe-Signature is required");
        }
        String timestamp = null;
        List<String> candidates = new ArrayList<>();
        for (String part : header.get().split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair[0].equals("v1")) {
                candidates.add(pair[1]);
            }
        }
        if (timestamp == null || candidates.isEmpty()) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MALFORMED_HEADER,
                    "Stripe-Signature needs t= and at least one v1=");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MALFORMED_HEADER, "t= must be Unix seconds");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.STALE_TIMESTAMP,
                    "t= is outside the " + tolerance.toSeconds() + " s tolerance");
        }
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        for (byte[] secret : secrets) {
            byte[] expected = Hmac.sha256(secret, prefix, request.bodyUnsafe());
            for (String candidate : candidates) {
                if (MessageDigest.isEqual(hex(candidate), expected)) {
                    return new SignatureCheck.Valid("sha256:" + PayloadHash.sha256Hex(request.bodyUnsafe()));
                }
            }
        }
        return new SignatureCheck.Invalid(SignatureCheck.Reason.BAD_SIGNATURE, "no v1 signature matches");
    }

    private static byte[] hex(String value) {
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    public static String sign(String secret, long timestampSeconds, byte[] body) {
        byte[] mac = Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestampSeconds + ".").getBytes(StandardCharsets.UTF_8), body);
        return "t=" + timestampSeconds + ",v1=" + HexFormat.of().formatHex(mac);
    }
}
