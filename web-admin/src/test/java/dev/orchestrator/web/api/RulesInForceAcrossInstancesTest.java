package dev.orchestrator.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.rules.MqlThresholdBenchmark;
import dev.orchestrator.web.rules.ShippedRules;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances sharing one database, as a scaled-out deployment runs them: the rules in force are the same on both. */
class RulesInForceAcrossInstancesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRICTER = new String(MqlThresholdBenchmark.withMqlThreshold(
            ShippedRules.defaultRulesetBytes(), 30, 90), StandardCharsets.UTF_8);
    /** Longer than an instance waits before reading the rules in force again (5 s). */
    private static final Duration FOLLOWED_WITHIN = Duration.ofSeconds(20);

    private RunningOrchestrator first;
    private RunningOrchestrator second;

    @BeforeEach
    void start() {
        first = RunningOrchestrator.start();
        second = RunningOrchestrator.alongside(first);
    }

    @AfterEach
    void stop() {
        second.close();
        first.close();
    }

    private static HttpResponse<String> asAdmin(RunningOrchestrator server, String method, String path, String body) {
        return server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + RunningOrchestrator.ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String activeVersion(RunningOrchestrator server) {
        try {
            return JSON.readTree(server.get("/api/rules/shadow").body()).get("activeVersion").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version {@code server} has in force once it shows {@code expected}, or the last it showed. */
    private static String awaitActive(RunningOrchestrator server, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + FOLLOWED_WITHIN.toNanos();
        String shown = activeVersion(server);
        while (!shown.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            shown = activeVersion(server);
        }
        return shown;
    }

    private String promoteStricterOnTheFirst() throws Exception {
        JsonNode attached = JSON.readTree(asAdmin(first, "POST", "/api/rules/shadow", STRICTER).body());
        String stricter = attached.get("toVersion").asText();
        assertThat(asAdmin(first, "POST", "/api/rules/shadow/promote", null).statusCode()).isEqualTo(200);
        return stricter;
    }

    @Test
    void a_promotion_through_one_instance_is_in_force_on_the_other_within_seconds() throws Exception {
        String shipped = activeVersion(second);

        String stricter = promoteStricterOnTheFirst();

        assertThat(stricter).isNotEqualTo(shipped);
        assertThat(activeVersion(first)).isEqualTo(stricter);
        assertThat(awaitActive(second, stricter)).isEqualTo(stricter);
    }

    @Test
    void a_reload_through_the_other_instance_puts_the_file_back_in_force_on_both() throws Exception {
        String shipped = activeVersion(first);
        String stricter = promoteStricterOnTheFirst();
        assertThat(awaitActive(second, stricter)).isEqualTo(stricter);

        HttpResponse<String> reload = asAdmin(second, "POST", "/api/rules/reload", null);

        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(activeVersion(second)).isEqualTo(shipped);
        assertThat(awaitActive(first, shipped)).isEqualTo(shipped);
    }

    @Test
    void an_instance_restarted_with_the_same_file_keeps_a_promotion_made_before() throws Exception {
        String stricter = promoteStricterOnTheFirst();

        second.close();
        second = RunningOrchestrator.alongside(first);

        assertThat(activeVersion(second)).isEqualTo(stricter);
    }
}
