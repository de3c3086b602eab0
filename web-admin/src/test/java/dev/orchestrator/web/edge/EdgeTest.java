package dev.orchestrator.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running server's edge: a source limited to address ranges refuses other senders, oversized headers get
 * 431, and every answer (page, API, problem, 404) carries the security headers.
 */
class EdgeTest {
    private static RunningOrchestrator server;

    @BeforeAll
    static void start() {
        // form accepts only a private range (the test client is on loopback); "stripe"-style sources are unlisted
        server = RunningOrchestrator.start(SecuritySettings.fromEnvironment(Map.of(
                "WEBHOOK_ALLOW_IPS_FORM", "10.0.0.0/8, 192.168.0.0/16")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_delivery_from_outside_the_sources_allow_list_is_refused_with_403_before_anything_is_stored() {
        HttpResponse<String> refused = server.postSigned("msg_edge_1", "{\"email\":\"edge@example.com\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("address-not-allowed");
        assertThat(server.get("/api/events").body()).doesNotContain("msg_edge_1");
    }

    @Test
    void a_request_with_headers_over_the_limit_is_answered_431() {
        HttpResponse<String> answer = server.send(HttpRequest.newBuilder(server.uri("/health"))
                .header("X-Padding", "a".repeat(16 * 1024)).GET().build());

        assertThat(answer.statusCode()).isEqualTo(431);
    }

    @Test
    void every_kind_of_answer_carries_the_security_headers() {
        dev.orchestrator.web.testing.Browser browser = new dev.orchestrator.web.testing.Browser(server);
        browser.logIn("victor", RunningOrchestrator.PASSWORD);
        List<HttpResponse<String>> answers = List.of(
                browser.get("/events"),
                server.get("/health"),
                server.send(HttpRequest.newBuilder(server.uri("/api/events")).GET().build()),
                browser.get("/no-such-page"),
                server.postSigned("msg_edge_2", "{}"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 401, 404, 403);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> {
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            });
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
        }
    }

    @Test
    void pages_carry_no_inline_script_or_style_the_policy_would_block() {
        dev.orchestrator.web.testing.Browser browser = new dev.orchestrator.web.testing.Browser(server);
        browser.logIn("victor", RunningOrchestrator.PASSWORD);
        for (String path : List.of("/", "/events", "/contacts", "/review", "/dead-letters")) {
            String page = browser.get(path).body();
            assertThat(page).as(path).contains("<main");
            assertThat(page).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain(" style=").doesNotContain("<style").doesNotContain("onclick=");
        }
    }
}
