package dev.orchestrator.adapter.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.adapter.notify.LocalReceiver.Answer;
import dev.orchestrator.adapter.notify.LocalReceiver.Received;
import dev.orchestrator.application.intake.SignatureCheck;
import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookRequest;
import dev.orchestrator.application.intake.WebhookSecret;
import dev.orchestrator.application.port.out.notify.DeliveryFailure;
import dev.orchestrator.application.port.out.notify.OutboundMessage;
import dev.orchestrator.application.port.out.notify.OutboundWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedWebhookSenderTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final OutboundMessage MESSAGE = new OutboundMessage("evt-1:recycle-to-nurture:0", "sequence.enroll",
            Instant.parse("2026-01-05T10:15:30Z"), Map.of("target", "nurture-recycle", "contact.email", "ada@acme.com"));

    @Test
    void aSequenceStartIsSignedSoAStandardWebhooksReceiverVerifiesIt() throws Exception {
        try (LocalReceiver receiver = new LocalReceiver()) {
            webhooks(receiver.url("/sequence")).deliver(OutboundWebhooks.SEQUENCE, MESSAGE);

            Received got = receiver.received().get(0);
            SignatureCheck check = new StandardWebhooksScheme(List.of(WebhookSecret.parse(SECRET)), Duration.ofMinutes(5))
                    .verify(new WebhookRequest("POST", "/sequence", got.headers(), got.body()),
                            SlackWebhookNotifierTest.CLOCK.instant());
            assertThat(check).isInstanceOf(SignatureCheck.Valid.class);
            JsonNode body = new ObjectMapper().readTree(got.body());
            assertThat(body.get("type").asText()).isEqualTo("sequence.enroll");
            assertThat(body.get("data").get("target").asText()).isEqualTo("nurture-recycle");
        }
    }

    @Test
    void everyAttemptCarriesTheSameWebhookIdSoTheReceiverCanDropARedelivery() {
        try (LocalReceiver receiver = new LocalReceiver(Answer.of(502, "bad gateway"))) {
            OutboundWebhooks webhooks = webhooks(receiver.url("/sequence"));
            DeliveryFailure first = catchThrowableOfType(DeliveryFailure.class,
                    () -> webhooks.deliver(OutboundWebhooks.SEQUENCE, MESSAGE));
            webhooks.deliver(OutboundWebhooks.SEQUENCE, MESSAGE);

            assertThat(first.kind()).isEqualTo(DeliveryFailure.Kind.RETRYABLE);
            assertThat(receiver.received()).extracting(r -> r.headers().get("webhook-id"))
                    .containsExactly("evt-1:recycle-to-nurture:0", "evt-1:recycle-to-nurture:0");
        }
    }

    @Test
    void anEndpointThatIsGoneAlertsAtOnce() {
        try (LocalReceiver receiver = new LocalReceiver(Answer.of(410, "gone"))) {
            DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
                    () -> webhooks(receiver.url("/hook")).deliver(OutboundWebhooks.SEQUENCE, MESSAGE));

            assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.ALERT);
            assertThat(failure.channel()).isEqualTo("webhook:sequence");
        }
    }

    @Test
    void theSequenceRouteFallsBackToTheGenericOutboundUrl() {
        NotifySettings settings = NotifySettings.fromEnvironment(Map.of("OUTBOUND_WEBHOOK_URL", "https://hooks.example/a",
                "OUTBOUND_WEBHOOK_SECRET", SECRET));

        assertThat(settings.sequenceWebhookUrl()).contains(URI.create("https://hooks.example/a"));
        assertThat(settings.toString()).doesNotContain("/a").doesNotContain(SECRET);
    }

    private static OutboundWebhooks webhooks(URI url) {
        return NotifyAdapter.create(new NotifySettings(Optional.empty(), Optional.empty(), Optional.of(url),
                        Optional.of(url), Optional.of(WebhookSecret.parse(SECRET)), Duration.ofSeconds(5)),
                HttpClient.newHttpClient(), SlackWebhookNotifierTest.LOCAL_ALLOWED, SlackWebhookNotifierTest.CLOCK)
                .webhooks();
    }
}
