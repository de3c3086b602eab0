package dev.orchestrator.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fit lead that views pricing becomes an MQL, and a demo request makes it an SQL: the sandbox CRM then holds one
 * open deal linked to the contact and its company, and the contact's timeline says which deal and under what key.
 */
class LeadToSqlDealFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningOrchestrator server;

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLeadReachingSqlGetsOneDealLinkedToItsContactAndCompany() throws Exception {
        String email = "dee.sql@atlantacloud.com";
        server.postSigned("msg_sql_form", "{\"id\":\"f-sql\",\"email\":\"" + email + "\",\"firstName\":\"Dee\","
                + "\"lastName\":\"Sql\",\"company\":\"Atlanta Cloud\",\"website\":\"https://www.atlantacloud.com\","
                + "\"country\":\"US\",\"consent\":true}");
        server.awaitGet("/api/contacts?email=" + email, r -> r.statusCode() == 200);
        activity("msg_sql_pricing", "a-sql-1", "pricing_page_view", email);
        server.awaitGet("/api/contacts?email=" + email, r -> r.body().contains("\"stage\":\"mql\""));

        activity("msg_sql_demo", "a-sql-2", "demo_requested", email);
        JsonNode sql = JSON.readTree(server.awaitGet("/api/contacts?email=" + email,
                r -> r.body().contains("\"stage\":\"sql\"")).body());

        String crmContact = sql.get("ids").get("crm").asText();
        List<String> deals = rows("select d.id || '/' || d.pipeline || '/' || d.dealstage || '/' || coalesce("
                + "d.company_id::text, '') from sandbox_crm.deals d join sandbox_crm.deal_contacts dc on dc.deal_id = d.id"
                + " where dc.contact_id = ?::bigint", crmContact);
        assertThat(deals).singleElement().satisfies(deal -> assertThat(deal).contains("/default/appointmentscheduled/")
                .doesNotEndWith("/"));
        assertThat(sql.get("timeline")).anySatisfy(event -> {
            assertThat(event.path("kind").asText()).isEqualTo("crm-written");
            assertThat(event.path("evidence").path("object").asText()).isEqualTo("deal");
            assertThat(event.path("evidence").path("operation").asText()).isEqualTo("create");
            assertThat(event.path("evidence").path("idempotencyKey").asText()).startsWith("sql:");
        });
    }

    private static void activity(String messageId, String id, String type, String email) {
        String body = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"email\":\"" + email + "\","
                + "\"occurredAt\":\"" + Instant.now().minusSeconds(60) + "\",\"url\":\"https://example.com/x\"}";
        assertThat(server.postSigned("activity", messageId, Instant.now(), body.getBytes(StandardCharsets.UTF_8),
                "application/json").statusCode()).isEqualTo(202);
    }

    private static List<String> rows(String query, String parameter) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        }
        return rows;
    }
}
