package dev.orchestrator.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OtherSignatureSchemesTest {

    @Nested
    class GitHub {
        // GitHub's documented test vector (docs: "Validating webhook deliveries").
        private final GitHubScheme scheme = new GitHubScheme(List.of("It's a Secret to Everybody"));
        private static final String DOC_SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        @Test
        void theDocumentedTestVectorVerifiesAndNamesTheDelivery() {
            assertThat(scheme.verify(request(DOC_SIGNATURE, "Hello, World!"), Instant.EPOCH))
                    .isEqualTo(new SignatureCheck.Valid("72d3162e-cc78-11e3-81ab-4c9367dc0958"));
        }

        @Test
        void signingReproducesTheDocumentedVector() {
            assertThat(GitHubScheme.sign("It's a Secret to Everybody", bytes("Hello, World!"))).isEqualTo(DOC_SIGNATURE);
        }

        @Test
        void aTamperedPayloadIsRefused() {
            assertThat(scheme.verify(request(DOC_SIGNATURE, "Hello, World?"), Instant.EPOCH))
                    .isInstanceOf(SignatureCheck.Invalid.class);
        }

        @Test
        void withoutADeliveryIdThereIsNoWayToDeduplicateSoItIsRefused() {
            WebhookRequest request = new WebhookRequest("POST", "/webhooks/github",
                    Map.of("X-Hub-Signature-256", DOC_SIGNATURE), bytes("Hello, World!"));

            assertThat(scheme.verify(request, Instant.EPOCH)).isInstanceOf(SignatureCheck.Invalid.class);
        }

        private WebhookRequest request(String signature, String body) {
            return new WebhookRequest("POST", "/webhooks/github", Map.of("X-Hub-Signature-256", signature,
                    "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"), bytes(body));
        }
    }

    @Nested
    class Stripe {
        // Computed independently (openssl dgst -sha256 -hmac <whole whsec_ string>) over "t.body".
        private static final String SECRET = "whsec_test_secret_for_stripe_vectors";
        private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}";
        private static final String V1 = "b25bf426a76a897e6e5d5ac4a59790012b52667f3e80d5153248c5c891f1ace2";
        private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);
        private final StripeScheme scheme = new StripeScheme(List.of(SECRET), Duration.ofMinutes(5));

        @Test
        void theWholeWhsecStringIsTheKey() {
            assertThat(scheme.verify(request("t=1700000000,v1=" + V1), AT)).isInstanceOf(SignatureCheck.Valid.class);
            assertThat(StripeScheme.sign(SECRET, 1_700_000_000L, bytes(BODY))).isEqualTo("t=1700000000,v1=" + V1);
        }

        @Test
        void anyOfSeveralV1SignaturesMayMatchDuringRotation() {
            assertThat(scheme.verify(request("t=1700000000,v1=" + "00".repeat(32) + ",v1=" + V1 + ",v0=abc"), AT))
                    .isInstanceOf(SignatureCheck.Valid.class);
        }

        @Test
        void oldAndFutureTimestampsAreBothRefused() {
            assertThat(scheme.verify(request("t=1700000000,v1=" + V1), AT.plusSeconds(301)))
                    .isInstanceOfSatisfying(SignatureCheck.Invalid.class,
                            i -> assertThat(i.reason()).isEqualTo(SignatureCheck.Reason.STALE_TIMESTAMP));
            assertThat(scheme.verify(request("t=1700000000,v1=" + V1), AT.minusSeconds(301)))
                    .isInstanceOf(SignatureCheck.Invalid.class);
        }

        @Test
        void aRedeliveryOfTheSameEventIsKnownByItsPayload() {
            SignatureCheck first = scheme.verify(request("t=1700000000,v1=" + V1), AT);
            String resigned = StripeScheme.sign(SECRET, 1_700_000_060L, bytes(BODY));
            SignatureCheck retry = scheme.verify(request(resigned), AT.plusSeconds(60));

            assertThat(retry).isEqualTo(first);
        }

        private WebhookRequest request(String header) {
            return new WebhookRequest("POST", "/webhooks/stripe", Map.of("Stripe-Signature", header), bytes(BODY));
        }
    }

    @Nested
    class HubSpot {
        // Computed independently (openssl dgst -sha256 -hmac <client secret> -binary | base64)
        // over method + public URI + body + timestamp in milliseconds.
        private static final String SECRET = "hubspot-client-secret-0001";
        private static final String URI = "https://hooks.example.com/webhooks/hubspot?portal=1";
        private static final String BODY = "[{\"eventId\":100,\"subscriptionType\":\"contact.creation\",\"objectId\":42}]";
        private static final String SIGNATURE = "CPs80dEJmS7JUXu3QQERNmoFI/B4PY4ESCvH79c+gLM=";
        private static final Instant AT = Instant.ofEpochMilli(1_700_000_000_000L);
        private final HubSpotV3Scheme scheme = new HubSpotV3Scheme(List.of("rotated-out", SECRET), Duration.ofMinutes(5));

        @Test
        void theVectorVerifiesWithTimestampInMilliseconds() {
            assertThat(scheme.verify(request(URI, "1700000000000"), AT)).isInstanceOf(SignatureCheck.Valid.class);
            assertThat(HubSpotV3Scheme.sign(SECRET, "POST", URI, bytes(BODY), 1_700_000_000_000L)).isEqualTo(SIGNATURE);
        }

        @Test
        void theUriIsPartOfWhatIsSigned() {
            assertThat(scheme.verify(request("http://internal:7070/webhooks/hubspot?portal=1", "1700000000000"), AT))
                    .isInstanceOfSatisfying(SignatureCheck.Invalid.class,
                            i -> assertThat(i.reason()).isEqualTo(SignatureCheck.Reason.BAD_SIGNATURE));
        }

        @Test
        void aTimestampInSecondsIsOutsideTheWindow() {
            assertThat(scheme.verify(request(URI, "1700000000"), AT))
                    .isInstanceOfSatisfying(SignatureCheck.Invalid.class,
                            i -> assertThat(i.reason()).isEqualTo(SignatureCheck.Reason.STALE_TIMESTAMP));
        }

        @Test
        void aRequestOlderThanFiveMinutesIsRefused() {
            assertThat(scheme.verify(request(URI, "1700000000000"), AT.plus(Duration.ofMinutes(5)).plusMillis(1)))
                    .isInstanceOf(SignatureCheck.Invalid.class);
        }

        private WebhookRequest request(String uri, String timestamp) {
            return new WebhookRequest("POST", uri, Map.of("X-HubSpot-Signature-v3", SIGNATURE,
                    "X-HubSpot-Request-Timestamp", timestamp), bytes(BODY));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
