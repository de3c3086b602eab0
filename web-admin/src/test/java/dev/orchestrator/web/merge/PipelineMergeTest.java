package dev.orchestrator.web.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The form pipeline on embedded PostgreSQL and the sandbox CRM: person dedupe and firmographics merge. */
class PipelineMergeTest {
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
    void a_new_address_of_a_known_person_updates_that_contact_instead_of_creating_one() throws Exception {
        JsonNode robert = processed("pm-1", lead("robert.smith@kineticnetworks.com", "Robert", "Smith",
                "+1 415 555 2671"));
        String before = text("select count(*)::text from sandbox_crm.contacts where email like ?",
                "%@kineticnetworks.com");
        String eventId = event("pm-2", lead("bob@kineticnetworks.com", "Bob", "Smith", "+1 415 555 2671"));
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));

        assertThat(server.get("/api/contacts?email=bob@kineticnetworks.com").statusCode()).isEqualTo(404);
        assertThat(text("select count(*)::text from sandbox_crm.contacts where email like ?", "%@kineticnetworks.com"))
                .isEqualTo(before);
        assertThat(timeline(robert)).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("matched");
            assertThat(e.path("summary").asText()).startsWith("same person as CRM contact");
            assertThat(e.path("evidence").path("feature.first_name").asText()).startsWith("nickname");
            assertThat(e.path("evidence").path("feature.phone").asText()).contains("+4.0");
        });
    }

    @Test
    void a_probable_person_without_a_phone_is_created_and_put_to_review_beside_the_existing_contact()
            throws Exception {
        processed("pm-3", lead("robert.jones@granitesolar.es", "Robert", "Jones", null));
        String eventId = event("pm-4", lead("bob.jones@granitesolar.es", "Bob", "Jones", null));
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));

        assertThat(server.get("/api/contacts?email=bob.jones@granitesolar.es").statusCode()).isEqualTo(200);
        assertThat(text("select reason from review_items where event_id = ?::uuid", eventId))
                .isEqualTo("possible-duplicate-contact");
        assertThat(text("select problems ->> 'account.email' from review_items where event_id = ?::uuid", eventId))
                .isEqualTo("robert.jones@granitesolar.es");
    }

    @Test
    void enrichment_fills_the_crm_company_and_keeps_what_a_person_typed_there_except_trusted_refresh_fields()
            throws Exception {
        processed("pm-5", lead("asha@reddyandiyer.in", "Asha", "Reddy", null));
        assertThat(text("select industry || '/' || numberofemployees || '/' || country || '/' || state || '/' "
                + "|| revenue_range from sandbox_crm.companies where domain = ?", "reddyandiyer.in"))
                .isEqualTo("software/190/IN/TG/10m-50m");
        server.sql("update sandbox_crm.companies set industry = 'fintech', numberofemployees = 12 where domain = ?",
                "reddyandiyer.in");

        JsonNode vikram = processed("pm-6", lead("vikram@reddyandiyer.in", "Vikram", "Iyer", null));

        assertThat(text("select industry || '/' || numberofemployees from sandbox_crm.companies where domain = ?",
                "reddyandiyer.in")).isEqualTo("fintech/190");
        assertThat(timeline(vikram)).anySatisfy(e -> {
            assertThat(e.path("summary").asText()).startsWith("company industry kept 'fintech' (sandbox, confidence");
            assertThat(e.path("evidence").path("why").asText()).isEqualTo("crm-user outranks enrichment");
        }).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("enriched");
            assertThat(e.path("evidence").path("field").asText()).isEqualTo("employees");
            assertThat(e.path("evidence").path("before").asText()).isEqualTo("12");
            assertThat(e.path("evidence").path("after").asText()).isEqualTo("190");
            assertThat(e.path("evidence").path("rule").asText()).isEqualTo("trusted-refresh");
        });
    }

    private static String lead(String email, String first, String last, String phone) {
        String company = email.substring(email.indexOf('@') + 1);
        return "{\"id\":\"f-" + email + "\",\"email\":\"" + email + "\",\"firstName\":\"" + first
                + "\",\"lastName\":\"" + last + "\",\"website\":\"https://" + company + "\","
                + (phone == null ? "" : "\"phone\":\"" + phone + "\",") + "\"consent\":true}";
    }

    private static String event(String id, String json) throws Exception {
        return JSON.readTree(server.postSigned("msg_" + id, json).body()).get("eventId").asText();
    }

    /** Posts the lead, waits for its event to finish, answers the contact its e-mail names. */
    private static JsonNode processed(String id, String json) throws Exception {
        String eventId = event(id, json);
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));
        String email = JSON.readTree(json).get("email").asText();
        return JSON.readTree(server.awaitGet("/api/contacts?email=" + email, r -> r.statusCode() == 200).body());
    }

    private static JsonNode timeline(JsonNode contact) throws Exception {
        return JSON.readTree(server.get("/api/contacts/" + contact.get("id").asText() + "/timeline").body())
                .get("events");
    }

    private static String text(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
