package dev.orchestrator.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.web.ErrorMapping;
import dev.orchestrator.web.json.Json;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code WEBHOOK_RATE_LIMIT_<SOURCE>}: a token bucket per source, 429 with Retry-After beyond it. */
class WebhookRateLimitTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final WebhookGuard guard = new WebhookGuard(Map.of(), Map.of("form", 2.0), nanos::get);
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            new ErrorMapping(Json.api()).install(config);
            config.routes.before(guard::check);
            config.routes.post("/webhooks/{source}", ctx -> ctx.status(202));
        }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void a_source_may_send_up_to_its_rate_at_once() {
        assertThat(List.of(post("form").statusCode(), post("form").statusCode())).containsExactly(202, 202);
    }

    @Test
    void beyond_its_rate_a_source_gets_429_with_retry_after_as_a_problem() {
        post("form");
        post("form");

        HttpResponse<String> limited = post("form");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(limited.body()).contains("\"status\":429").contains("rate-limited");
    }

    @Test
    void tokens_come_back_at_the_configured_rate() {
        post("form");
        post("form");
        assertThat(post("form").statusCode()).isEqualTo(429);

        nanos.addAndGet(500_000_000L);

        assertThat(post("form").statusCode()).isEqualTo(202);
        assertThat(post("form").statusCode()).isEqualTo(429);
    }

    @Test
    void a_source_without_a_limit_is_not_limited_by_another_sources_traffic() {
        post("form");
        post("form");
        post("form");

        assertThat(post("stripe").statusCode()).isEqualTo(202);
    }

    @Test
    void refusals_are_counted_for_metrics() {
        post("form");
        post("form");
        post("form");
        StringBuilder metrics = new StringBuilder();

        guard.appendTo(metrics);

        assertThat(metrics.toString()).contains("orchestrator_webhook_refused_total{source=\"form\",reason=\"rate\"} 1");
    }

    private HttpResponse<String> post(String source) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/webhooks/" + source))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
