package dev.orchestrator.adapter.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.adapter.notify.LocalReceiver.Answer;
import dev.orchestrator.application.outbound.OutboundUrlPolicy;
import dev.orchestrator.application.port.out.notify.DeliveryFailure;
import dev.orchestrator.application.port.out.notify.SlackMessage;
import dev.orchestrator.application.port.out.notify.SlackNotifier;
import dev.orchestrator.application.testing.MutableClock;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlackWebhookNotifierTest {
    static final MutableClock CLOCK = MutableClock.at("2026-01-05T10:15:30Z");
    static final OutboundUrlPolicy LOCAL_ALLOWED = new OutboundUrlPolicy(
            host -> List.of(InetAddress.getLoopbackAddress()), Set.of("localhost"), List.of());
    private static final SlackMessage MESSAGE = new SlackMessage("#sales-alerts", "Ada Lovelace (Acme) is now sql",
            "Ada Lovelace (Acme) is now sql by rule sql-on-demo", List.of(new SlackMessage.Fact("Employees", "1200"),
                    new SlackMessage.Fact("Company", "<!channel> Acme")),
            List.of("demo_requested at 2026-01-05T10:00:00Z"), Optional.of("https://orch.example/contacts/c-1"));

    @Test
    void aMessageIsBlockKitWithTheFactsTheSignalsAndALinkToTheWhyPage() throws Exception {
        try (LocalReceiver slack = new LocalReceiver()) {
            slack(slack.url("/services/T0/B0/x"), LOCAL_ALLOWED).send(MESSAGE);

            JsonNode body = new ObjectMapper().readTree(slack.received().get(0).body());
            assertThat(body.get("text").asText()).contains("is now sql");
            assertThat(body.get("blocks").get(0).get("type").asText()).isEqualTo("header");
            assertThat(body.toString()).contains("*Employees*\\n1200").contains("demo_requested at")
                    .contains("https://orch.example/contacts/c-1").contains("&lt;!channel&gt; Acme")
                    .doesNotContain("<!channel>");
        }
    }

    @Test
    void aRateLimitIsRetryableAfterTheWaitSlackAskedFor() {
        try (LocalReceiver slack = new LocalReceiver(new Answer(429, "rate_limited", Map.of("Retry-After", "7")))) {
            DeliveryFailure failure = failureOf(slack);

            assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.RETRYABLE);
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(failure.errorClass()).isEqualTo("slack:429");
        }
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsTheTimeUntilThen() {
        try (LocalReceiver slack = new LocalReceiver(new Answer(503, "", Map.of("Retry-After",
                "Mon, 05 Jan 2026 10:16:00 GMT")))) {
            assertThat(failureOf(slack).retryAfter()).contains(Duration.ofSeconds(30));
        }
    }

    @Test
    void aServerErrorIsRetryableWithItsBodyKept() {
        try (LocalReceiver slack = new LocalReceiver(Answer.of(500, "rollup_error"))) {
            DeliveryFailure failure = failureOf(slack);

            assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.RETRYABLE);
            assertThat(failure.body()).isEqualTo("rollup_error");
        }
    }

    @Test
    void anInvalidTokenAlertsAtOnce() {
        try (LocalReceiver slack = new LocalReceiver(Answer.of(403, "invalid_token"))) {
            assertThat(failureOf(slack).kind()).isEqualTo(DeliveryFailure.Kind.ALERT);
        }
    }

    @Test
    void anUnauthorisedAnswerAlertsAtOnce() {
        try (LocalReceiver slack = new LocalReceiver(Answer.of(401, "invalid_auth"))) {
            assertThat(failureOf(slack).kind()).isEqualTo(DeliveryFailure.Kind.ALERT);
        }
    }

    @Test
    void aWebhookSlackNoLongerKnowsAlertsAtOnce() {
        try (LocalReceiver slack = new LocalReceiver(Answer.of(404, "no_service"))) {
            DeliveryFailure failure = failureOf(slack);

            assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.ALERT);
            assertThat(failure.getMessage()).contains("404").contains("no_service");
        }
    }

    @Test
    void aPayloadSlackRefusesGoesToReview() {
        try (LocalReceiver slack = new LocalReceiver(Answer.of(400, "invalid_payload"))) {
            assertThat(failureOf(slack).kind()).isEqualTo(DeliveryFailure.Kind.REVIEW);
        }
    }

    @Test
    void noAnswerAtAllIsRetryable() {
        URI closed;
        try (LocalReceiver gone = new LocalReceiver()) {
            closed = gone.url("/services/x");
        }
        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
                () -> slack(closed, LOCAL_ALLOWED).send(MESSAGE));

        assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.RETRYABLE);
        assertThat(failure.status()).isZero();
    }

    @Test
    void aUrlInsideThePrivateNetworkIsNeverCalled() {
        try (LocalReceiver slack = new LocalReceiver()) {
            OutboundUrlPolicy strict = OutboundUrlPolicy.strict(host -> List.of(InetAddress.getLoopbackAddress()));
            DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
                    () -> slack(slack.url("/services/x"), strict).send(MESSAGE));

            assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.ALERT);
            assertThat(slack.received()).isEmpty();
        }
    }

    private static DeliveryFailure failureOf(LocalReceiver slack) {
        return catchThrowableOfType(DeliveryFailure.class,
                () -> slack(slack.url("/services/T0/B0/x"), LOCAL_ALLOWED).send(MESSAGE));
    }

    static SlackNotifier slack(URI url, OutboundUrlPolicy policy) {
        return NotifyAdapter.create(new NotifySettings(Optional.of(url), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(5)), HttpClient.newHttpClient(), policy, CLOCK)
                .slack();
    }
}
