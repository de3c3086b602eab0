package dev.orchestrator.application.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * GitHub-style signatures: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>}. No timestamp
 * is signed, so replays are caught by the idempotency key, the sender's {@code X-GitHub-Delivery} id (the same
 * on a redelivery).
 */
public final class GitHubScheme implements SignatureScheme {
    public static final String SIGNATURE = "x-hub-signature-256";
    public static final String DELIVERY = "x-github-delivery";

    private final List<byte[]> secrets;

    public GitHubScheme(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required");
        }
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public String name() {
        return "github";
    }

    @Override
    public SignatureCheck verify(WebhookRequest request, Instant now) {
        Optional<String> header = request.header(SIGNATURE);
        Optional<String> delivery = request.header(DELIVERY);
        if (header.isEmpty() || delivery.isEmpty() || delivery.get().isBlank()) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MISSING_HEADER,
                    "X-Hub-Signature-256 and X-GitHub-Delivery are required");
        }
        String value = header.get().strip();
        if (!value.startsWith("sha256=")) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MALFORMED_HEADER,
                    "X-Hub-Signature-256 must start with sha256=");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(7));
        } catch (IllegalArgumentException e) {
            return new SignatureCheck.Invalid(SignatureCheck.Reason.MALFORMED_HEADER, "X-Hub-Signature-256 is not hex");
        }
        for (byte[] secret : secrets) {
            if (MessageDigest.isEqual(given, Hmac.sha256(secret, request.bodyUnsafe()))) {
                return new SignatureCheck.Valid(delivery.get().strip());
            }
        }
        return new SignatureCheck.Invalid(SignatureCheck.Reason.BAD_SIGNATURE, "no signature matches");
    }

    public static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }
}
