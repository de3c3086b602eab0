package dev.orchestrator.web.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.outbound.IpRange;
import dev.orchestrator.web.ErrorMapping;
import dev.orchestrator.web.json.Json;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code WEBHOOK_ALLOW_IPS_<SOURCE>}: senders inside the ranges get through, others get a 403 problem. */
class WebhookAllowListTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_sender_inside_the_sources_ranges_gets_through() {
        assertThat(postTo(Map.of("form", List.of(IpRange.parse("127.0.0.0/8"), IpRange.parse("::1"))), "form"))
                .isEqualTo(202);
    }

    @Test
    void a_sender_outside_the_sources_ranges_is_refused() {
        assertThat(postTo(Map.of("form", List.of(IpRange.parse("203.0.113.0/24"))), "form")).isEqualTo(403);
    }

    @Test
    void a_source_without_an_allow_list_takes_deliveries_from_anywhere() {
        assertThat(postTo(Map.of("form", List.of(IpRange.parse("203.0.113.0/24"))), "stripe")).isEqualTo(202);
    }

    @Test
    void the_allow_list_is_read_per_source_from_the_environment() {
        SecuritySettings settings = SecuritySettings.fromEnvironment(Map.of(
                "WEBHOOK_ALLOW_IPS_FORM", "203.0.113.0/24, 2001:db8::/32", "WEBHOOK_RATE_LIMIT_STRIPE", "5"));

        assertThat(settings.webhookAllowIps()).containsOnlyKeys("form");
        assertThat(settings.webhookAllowIps().get("form")).hasSize(2);
        assertThat(settings.webhookRateLimits()).containsEntry("stripe", 5.0);
    }

    @Test
    void a_malformed_range_fails_start_up_naming_the_variable() {
        assertThatThrownBy(() -> SecuritySettings.fromEnvironment(Map.of("WEBHOOK_ALLOW_IPS_FORM", "10.0.0.0/33")))
                .hasMessageContaining("WEBHOOK_ALLOW_IPS_FORM");
        assertThatThrownBy(() -> SecuritySettings.fromEnvironment(Map.of("WEBHOOK_ALLOW_IPS_FORM", "example.com")))
                .hasMessageContaining("WEBHOOK_ALLOW_IPS_FORM");
    }

    private int postTo(Map<String, List<IpRange>> allowLists, String source) {
        WebhookGuard guard = new WebhookGuard(allowLists, Map.of(), System::nanoTime);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            new ErrorMapping(Json.api()).install(config);
            config.routes.before(guard::check);
            config.routes.post("/webhooks/{source}", ctx -> ctx.status(202));
        }).start(0);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + app.port() + "/webhooks/" + source))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 403) {
                assertThat(answer.body()).contains("address-not-allowed");
            }
            return answer.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            app.stop();
        }
    }
}
