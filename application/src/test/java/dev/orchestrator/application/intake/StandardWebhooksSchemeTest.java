package dev.orchestrator.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardWebhooksSchemeTest {
    // The Standard Webhooks specification's published test vector (libraries/javascript/src/webhook.test.ts).
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TS = 1614265330L;
    private static final String SPEC_BODY = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant SPEC_NOW = Instant.ofEpochSecond(SPEC_TS);

    private final StandardWebhooksScheme scheme = scheme(SPEC_SECRET);

    @Test
    void signingReproducesTheSpecificationsTestVector() {
        String signature = StandardWebhooksScheme.sign(WebhookSecret.parse(SPEC_SECRET), SPEC_ID, SPEC_TS,
                SPEC_BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void theSpecificationsTestVectorVerifies() {
        assertThat(scheme.verify(request(SPEC_SIGNATURE, SPEC_TS, SPEC_BODY), SPEC_NOW))
                .isEqualTo(new SignatureCheck.Valid(SPEC_ID));
    }

    @Test
    void aTamperedBodyIsRefused() {
        assertThat(scheme.verify(request(SPEC_SIGNATURE, SPEC_TS, "{\"test\": 2432232315}"), SPEC_NOW))
                .isInstanceOfSatisfying(SignatureCheck.Invalid.class,
                        invalid -> assertThat(invalid.reason()).isEqualTo(SignatureCheck.Reason.BAD_SIGNATURE));
    }

    @Test
    void aTimestampMoreThanFiveMinutesOldIsRefused() {
        assertThat(reason(scheme.verify(request(SPEC_SIGNATURE, SPEC_TS, SPEC_BODY), SPEC_NOW.plusSeconds(301))))
                .isEqualTo(SignatureCheck.Reason.STALE_TIMESTAMP);
    }

    @Test
    void aTimestampMoreThanFiveMinutesAheadIsRefused() {
        assertThat(reason(scheme.verify(request(SPEC_SIGNATURE, SPEC_TS, SPEC_BODY), SPEC_NOW.minusSeconds(301))))
                .isEqualTo(SignatureCheck.Reason.STALE_TIMESTAMP);
    }

    @Test
    void aTimestampJustInsideTheToleranceIsAccepted() {
        assertThat(scheme.verify(request(SPEC_SIGNATURE, SPEC_TS, SPEC_BODY), SPEC_NOW.plusSeconds(300)))
                .isInstanceOf(SignatureCheck.Valid.class);
        assertThat(scheme.verify(request(SPEC_SIGNATURE, SPEC_TS, SPEC_BODY), SPEC_NOW.minusSeconds(300)))
                .isInstanceOf(SignatureCheck.Valid.class);
    }

    @Test
    void anyOfSeveralSpaceSeparatedSignaturesMayMatch() {
        String several = "v1,Zm9vYmFyYmF6 v1a,c29tZXRoaW5n " + SPEC_SIGNATURE;

        assertThat(scheme.verify(request(several, SPEC_TS, SPEC_BODY), SPEC_NOW)).isInstanceOf(SignatureCheck.Valid.class);
    }

    @Test
    void anOldAndANewSecretAreBothAcceptedDuringRotation() {
        StandardWebhooksScheme rotating = new StandardWebhooksScheme(List.of(
                WebhookSecret.parse("whsec_bmV3LXNlY3JldC1hZnRlci1yb3RhdGlvbg=="), WebhookSecret.parse(SPEC_SECRET)),
                Duration.ofMinutes(5));

        assertThat(rotating.verify(request(SPEC_SIGNATURE, SPEC_TS, SPEC_BODY), SPEC_NOW))
                .isInstanceOf(SignatureCheck.Valid.class);
    }

    @Test
    void missingHeadersAreNamed() {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", SPEC_ID);
        WebhookRequest request = new WebhookRequest("POST", "/webhooks/form", headers, new byte[0]);

        assertThat(reason(scheme.verify(request, SPEC_NOW))).isEqualTo(SignatureCheck.Reason.MISSING_HEADER);
    }

    @Test
    void aTimestampThatIsNotWholeSecondsIsMalformed() {
        assertThat(reason(scheme.verify(request(SPEC_SIGNATURE, "abc", SPEC_BODY), SPEC_NOW)))
                .isEqualTo(SignatureCheck.Reason.MALFORMED_HEADER);
    }

    @Test
    void aSecretNeverShowsInItsTextForm() {
        assertThat(WebhookSecret.parse(SPEC_SECRET).toString()).doesNotContain("MfKQ9r8");
    }

    private static StandardWebhooksScheme scheme(String secret) {
        return new StandardWebhooksScheme(List.of(WebhookSecret.parse(secret)), Duration.ofMinutes(5));
    }

    private static WebhookRequest request(String signature, long ts, String body) {
        return request(signature, Long.toString(ts), body);
    }

    private static WebhookRequest request(String signature, String ts, String body) {
        return new WebhookRequest("POST", "/webhooks/form", Map.of("Webhook-Id", SPEC_ID, "webhook-timestamp", ts,
                "webhook-signature", signature), body.getBytes(StandardCharsets.UTF_8));
    }

    private static SignatureCheck.Reason reason(SignatureCheck check) {
        return ((SignatureCheck.Invalid) check).reason();
    }
}
