package dev.orchestrator.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.rules.MqlThresholdBenchmark;
import dev.orchestrator.web.rules.ShippedRules;
import dev.orchestrator.web.testing.Browser;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Shadow mode on a running server: a stricter MQL threshold attached in shadow sees a live lead turn MQL under
 * the active rules, records that it would have kept it a lead, and acts on nothing; promotion, demotion and reload
 * are audited. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShadowModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "shadow.lopez@atlantacloud.com";
    private static final String STRICTER = new String(MqlThresholdBenchmark.withMqlThreshold(
            ShippedRules.defaultRulesetBytes(), 30, 90), StandardCharsets.UTF_8);
    private static RunningOrchestrator server;
    private static String shadowVersion;
    private static String contactId;

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String single(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void only_an_admin_may_attach_a_ruleset_in_shadow() {
        assertThat(call("POST", "/api/rules/shadow", RunningOrchestrator.TOKEN, STRICTER).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void a_ruleset_attached_in_shadow_is_shown_with_who_attached_it() throws Exception {
        HttpResponse<String> attached = call("POST", "/api/rules/shadow", RunningOrchestrator.ADMIN_TOKEN, STRICTER);

        assertThat(attached.statusCode()).isEqualTo(200);
        shadowVersion = JSON.readTree(attached.body()).get("toVersion").asText();
        JsonNode status = JSON.readTree(server.get("/api/rules/shadow").body());
        assertThat(status.get("shadow").get("version").asText()).isEqualTo(shadowVersion);
        assertThat(status.get("shadow").get("attachedBy").asText()).startsWith("api-token:admin:");
    }

    @Test
    @Order(3)
    void a_live_lead_the_shadow_would_keep_a_lead_becomes_an_mql_and_the_difference_is_recorded_only()
            throws Exception {
        server.postSigned("msg_shadow_form", "{\"id\":\"f-shadow\",\"email\":\"" + EMAIL + "\",\"firstName\":"
                + "\"Maria\",\"lastName\":\"Lopez\",\"company\":\"Atlanta Cloud\",\"website\":"
                + "\"https://www.atlantacloud.com\",\"country\":\"US\",\"consent\":true}");
        server.awaitGet("/api/contacts?email=" + EMAIL, r -> r.statusCode() == 200);
        String activity = "{\"id\":\"a-shadow\",\"type\":\"pricing_page_view\",\"email\":\"" + EMAIL + "\","
                + "\"occurredAt\":\"" + Instant.now().minusSeconds(60) + "\",\"url\":\"https://example.com/pricing\"}";
        server.postSigned("activity", "msg_shadow_signal", Instant.now(), activity.getBytes(StandardCharsets.UTF_8),
                "application/json");
        JsonNode mql = JSON.readTree(server.awaitGet("/api/contacts?email=" + EMAIL,
                r -> r.body().contains("\"stage\":\"mql\"")).body());
        contactId = mql.get("id").asText();

        JsonNode status = JSON.readTree(server.awaitGet("/api/rules/shadow",
                r -> r.body().contains("mql-fit-and-intent")).body());
        assertThat(mql.get("stage").asText()).isEqualTo("mql");
        assertThat(status.get("differences")).anySatisfy(d -> {
            assertThat(d.get("contactId").asText()).isEqualTo(contactId);
            assertThat(d.get("active").get("stage").asText()).isEqualTo("mql");
            assertThat(d.get("shadow").get("stage").asText()).isEqualTo("lead");
            assertThat(d.get("firstRule").asText()).isEqualTo("mql-fit-and-intent");
        });
        assertThat(single("select lifecyclestage from sandbox_crm.contacts where lower(email) = ?", EMAIL))
                .isEqualTo("mql");
        assertThat(single("select count(*) from audit_events where ruleset_version = ? and kind <> 'ruleset-changed'",
                shadowVersion)).isEqualTo("0");
    }

    @Test
    @Order(4)
    void a_dry_run_of_the_stored_events_of_the_last_day_replays_that_contact_and_writes_nothing() throws Exception {
        String auditBefore = single("select count(*) from audit_events");
        String jobsBefore = single("select count(*) from jobs");

        HttpResponse<String> dryRun = server.postApi("/api/rules/dry-run?days=1", RunningOrchestrator.TOKEN, STRICTER);

        JsonNode report = JSON.readTree(dryRun.body());
        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(report.get("records").asInt()).isEqualTo(1);
        assertThat(report.get("population").asText()).startsWith("stored events of the last 1 days");
        assertThat(report.get("changed").get("stage").asInt()).isEqualTo(1);
        assertThat(report.get("rows").get(0).get("recordId").asText()).isEqualTo(contactId);
        assertThat(single("select count(*) from audit_events")).isEqualTo(auditBefore);
        assertThat(single("select count(*) from jobs")).isEqualTo(jobsBefore);
    }

    @Test
    @Order(5)
    void the_sandbox_page_shows_the_differences_and_gives_an_admin_the_shadow_buttons() {
        Browser admin = new Browser(server);
        admin.logIn("admin", RunningOrchestrator.PASSWORD);
        Browser viewer = new Browser(server);
        viewer.logIn("victor", RunningOrchestrator.PASSWORD);

        String page = admin.get("/sandbox").body();

        assertThat(page).contains("id=\"shadow-differences\"", contactId, "mql-fit-and-intent", "id=\"promote-shadow\"",
                "id=\"detach-shadow\"", "id=\"reload-active\"", "id=\"attach-shadow\"");
        assertThat(viewer.get("/sandbox").body()).contains("id=\"shadow-differences\"")
                .doesNotContain("id=\"promote-shadow\"");
        assertThat(viewer.postWithToken("/sandbox", "/sandbox/shadow/promote", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void promotion_from_the_page_makes_the_shadow_ruleset_active_and_is_audited_with_who_and_both_versions()
            throws Exception {
        Browser admin = new Browser(server);
        admin.logIn("admin", RunningOrchestrator.PASSWORD);
        String activeBefore = JSON.readTree(server.get("/api/rules/shadow").body()).get("activeVersion").asText();

        String page = admin.postWithToken("/sandbox", "/sandbox/shadow/promote", Map.of()).body();

        JsonNode status = JSON.readTree(server.get("/api/rules/shadow").body());
        assertThat(page).contains("Promoted");
        assertThat(status.get("activeVersion").asText()).isEqualTo(shadowVersion);
        assertThat(status.hasNonNull("shadow")).isFalse();
        String promoted = "select %s from audit_events where kind = 'ruleset-changed'"
                + " and evidence->>'change' = 'shadow-promoted'";
        assertThat(single(String.format(promoted, "evidence->>'by'"))).isEqualTo("admin");
        assertThat(single(String.format(promoted, "actor_name"))).isEqualTo("admin");
        assertThat(single(String.format(promoted, "evidence->>'fromVersion'"))).isEqualTo(activeBefore);
        assertThat(single(String.format(promoted, "evidence->>'toVersion'"))).isEqualTo(shadowVersion);
    }

    @Test
    @Order(7)
    void a_reload_puts_the_active_file_back_in_force_and_is_audited() throws Exception {
        HttpResponse<String> reload = call("POST", "/api/rules/reload", RunningOrchestrator.ADMIN_TOKEN, null);

        JsonNode change = JSON.readTree(reload.body());
        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(change.get("fromVersion").asText()).isEqualTo(shadowVersion);
        assertThat(change.get("toVersion").asText()).isNotEqualTo(shadowVersion);
        assertThat(single("select count(*) from audit_events where kind = 'ruleset-changed'"
                + " and evidence->>'change' = 'reload'")).isEqualTo("1");
    }

    @Test
    @Order(8)
    void demotion_detaches_the_ruleset_in_shadow_and_is_audited() throws Exception {
        call("POST", "/api/rules/shadow", RunningOrchestrator.ADMIN_TOKEN, STRICTER);

        HttpResponse<String> detached = call("DELETE", "/api/rules/shadow", RunningOrchestrator.ADMIN_TOKEN, null);

        assertThat(JSON.readTree(detached.body()).get("done").asBoolean()).isTrue();
        assertThat(JSON.readTree(server.get("/api/rules/shadow").body()).hasNonNull("shadow")).isFalse();
        assertThat(single("select count(*) from audit_events where kind = 'ruleset-changed'"
                + " and evidence->>'change' = 'shadow-detached'")).isEqualTo("1");
    }
}
