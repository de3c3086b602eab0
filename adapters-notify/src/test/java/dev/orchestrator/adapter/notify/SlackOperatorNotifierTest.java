package dev.orchestrator.adapter.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.notify.LocalReceiver.Answer;
import dev.orchestrator.application.port.out.notify.OperatorNotifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackOperatorNotifierTest {

    @Test
    void anAlertIsPostedToTheAlertWebhook() {
        try (LocalReceiver alerts = new LocalReceiver()) {
            operator(Optional.empty(), alerts.url("/alerts")).alert("crm", "401 expired token");

            assertThat(alerts.received()).singleElement().satisfies(r -> assertThat(r.text())
                    .contains("alert on crm").contains("401 expired token"));
        }
    }

    @Test
    void aSlackOutageIsNotPostedThroughTheSameBrokenWebhook() {
        try (LocalReceiver slack = new LocalReceiver()) {
            URI url = slack.url("/services/x");
            operator(Optional.of(url), url).alert("slack", "invalid_token");

            assertThat(slack.received()).isEmpty();
        }
    }

    @Test
    void anAlertThatCannotBePostedIsLoggedNotThrown() {
        try (LocalReceiver alerts = new LocalReceiver(Answer.of(500, "down"))) {
            operator(Optional.empty(), alerts.url("/alerts")).alert("crm", "401 expired token");

            assertThat(alerts.received()).hasSize(1);
        }
    }

    private static OperatorNotifier operator(Optional<URI> slack, URI alerts) {
        return NotifyAdapter.create(new NotifySettings(slack, Optional.of(alerts), Optional.empty(), Optional.empty(),
                        Optional.empty(), Duration.ofSeconds(5)), HttpClient.newHttpClient(),
                SlackWebhookNotifierTest.LOCAL_ALLOWED, SlackWebhookNotifierTest.CLOCK).operator();
    }
}
