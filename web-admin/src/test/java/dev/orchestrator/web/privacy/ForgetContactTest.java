package dev.orchestrator.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.DatabaseScan;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forgetting a person leaves no byte of their email, name or phone anywhere in the database, and keeps the
 * decision skeleton: the same timeline steps, the same events with their status, the other people untouched.
 */
class ForgetContactTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "ada.lovelace@analytical.example";
    private static final List<String> ADA = List.of(EMAIL, "ada.lovelace", "Augusta", "Byronova", "14158675309",
            "4158675309");
    private static final List<String> BOB = List.of("bob.builder@construct.example", "Roberto", "Buildersson");

    private RunningOrchestrator server;
    private DatabaseScan scan;

    @BeforeEach
    void start() {
        server = RunningOrchestrator.start();
        scan = new DatabaseScan(server.jdbcUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void no_byte_of_the_persons_email_name_or_phone_remains_in_any_table() throws Exception {
        String contactId = adaInEveryCornerOfTheDatabase();
        assertThat(scan.find(ADA)).as("the scan finds Ada before she is forgotten")
                .anyMatch(hit -> hit.startsWith("public.raw_events.body"))
                .anyMatch(hit -> hit.startsWith("public.audit_events.evidence"))
                .anyMatch(hit -> hit.startsWith("public.contacts.email"))
                .anyMatch(hit -> hit.startsWith("sandbox_crm.contacts.email"))
                .anyMatch(hit -> hit.startsWith("public.jobs.last_error"))
                .anyMatch(hit -> hit.startsWith("public.review_items.problems"));

        HttpResponse<String> forgotten = server.postAs(RunningOrchestrator.ADMIN_TOKEN,
                "/api/contacts/" + contactId + "/forget");

        assertThat(forgotten.statusCode()).as(forgotten.body()).isEqualTo(200);
        assertThat(scan.find(ADA)).isEmpty();
        assertThat(forgotten.body()).doesNotContainIgnoringCase("ada.lovelace").doesNotContain("Augusta");
    }

    @Test
    void the_decision_skeleton_and_other_people_survive_the_erasure() throws Exception {
        String contactId = adaInEveryCornerOfTheDatabase();
        List<String> stepsBefore = timelineKinds(contactId);
        long eventsBefore = count("raw_events");
        long auditBefore = count("audit_events");

        JsonNode answer = JSON.readTree(server.postAs(RunningOrchestrator.ADMIN_TOKEN,
                "/api/contacts/" + contactId + "/forget").body());

        List<String> expected = new ArrayList<>(stepsBefore);
        expected.add("erased");
        assertThat(timelineKinds(contactId)).isEqualTo(expected);
        assertThat(count("raw_events")).isEqualTo(eventsBefore);
        assertThat(count("audit_events")).isEqualTo(auditBefore + 1);
        assertThat(answer.get("pseudonym").asText()).startsWith("forgotten-");
        assertThat(answer.get("crm").asText()).startsWith("deleted in sandbox");
        assertThat(scan.find(BOB)).as("Bob is not Ada").isNotEmpty();
        assertThat(server.get("/api/contacts?email=" + BOB.get(0)).statusCode()).isEqualTo(200);
    }

    @Test
    void the_erasure_is_audited_with_the_pseudonym_and_counts_only() throws Exception {
        String contactId = adaInEveryCornerOfTheDatabase();

        server.postAs(RunningOrchestrator.ADMIN_TOKEN, "/api/contacts/" + contactId + "/forget");

        JsonNode timeline = JSON.readTree(server.get("/api/contacts/" + contactId + "/timeline").body());
        JsonNode erased = timeline.get("events").get(timeline.get("events").size() - 1);
        assertThat(erased.get("kind").asText()).isEqualTo("erased");
        assertThat(erased.toString()).contains("forgotten-").doesNotContainIgnoringCase("lovelace");
    }

    @Test
    void forgetting_twice_finds_nothing_left_to_forget() throws Exception {
        String contactId = adaInEveryCornerOfTheDatabase();
        server.postAs(RunningOrchestrator.ADMIN_TOKEN, "/api/contacts/" + contactId + "/forget");

        HttpResponse<String> again = server.postAs(RunningOrchestrator.ADMIN_TOKEN,
                "/api/contacts/" + contactId + "/forget");

        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("already forgotten");
    }

    @Test
    void only_an_admin_may_forget() throws Exception {
        String contactId = adaInEveryCornerOfTheDatabase();

        HttpResponse<String> viewer = server.postAs(RunningOrchestrator.TOKEN, "/api/contacts/" + contactId + "/forget");

        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(scan.find(List.of(EMAIL))).isNotEmpty();
    }

    /**
     * Ada as a processed lead (twice, once with a corrected email), a review item, a poison event; Bob beside her,
     * at her company and processed after her, so his dedupe comparison names her as its closest candidate.
     */
    private String adaInEveryCornerOfTheDatabase() throws Exception {
        server.postSigned("msg_ada_1", lead(EMAIL, "Augusta", "Byronova", "+1 415 867 5309"));
        server.awaitGet("/api/contacts?email=" + EMAIL, r -> r.statusCode() == 200);
        server.postSigned("msg_bob_1", lead(BOB.get(0), "Roberto", "Buildersson", "+1 212 555 0199"));
        String second = JSON.readTree(server.postSigned("msg_ada_2",
                lead("  ADA.Lovelace@Analytical.Example ", "Augusta", "Byronova", "(415) 867-5309")).body())
                .get("eventId").asText();
        String review = JSON.readTree(server.postSigned("msg_ada_3",
                lead(EMAIL + ">", "Augusta", "Byronova", "4158675309")).body()).get("eventId").asText();
        server.postSigned("form", "msg_ada_4", Instant.now(), ("{\"email\":\"" + EMAIL + "\",\"firstName\":\"Augusta\","
                + "\"phone\":\"+14158675309\"").getBytes(StandardCharsets.UTF_8), "application/json");
        server.awaitGet("/api/events/" + second, r -> r.body().contains("\"done\""));
        server.awaitGet("/api/events/" + review, r -> r.body().contains("\"review\""));
        server.awaitGet("/api/contacts?email=" + BOB.get(0), r -> r.statusCode() == 200);
        crmErrorsEchoedHerValues(review);
        return JSON.readTree(server.get("/api/contacts?email=" + EMAIL).body()).get("id").asText();
    }

    /** CRMs echo the values they refuse; such an answer ends up in a dead letter and a review item. */
    private void crmErrorsEchoedHerValues(String eventId) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(server.jdbcUrl());
                var jobs = connection.prepareStatement("update jobs set last_error = ? where event_id = cast(? as uuid)");
                var reviews = connection.prepareStatement(
                        "update review_items set problems = cast(? as json) where event_id = cast(? as uuid)")) {
            jobs.setString(1, "REVIEW: hubspot: Property values were not valid: "
                    + "[{\"name\":\"phone\",\"value\":\"(415) 867-5309\"},"
                    + "{\"name\":\"email\",\"value\":\"Ada.Lovelace@analytical.example\"}]");
            jobs.setString(2, eventId);
            assertThat(jobs.executeUpdate()).isEqualTo(1);
            reviews.setString(1, "{\"email\": \"ada.lovelace@analytical.example> is not valid for Augusta\"}");
            reviews.setString(2, eventId);
            assertThat(reviews.executeUpdate()).isEqualTo(1);
        }
    }

    private List<String> timelineKinds(String contactId) throws Exception {
        List<String> kinds = new ArrayList<>();
        JSON.readTree(server.get("/api/contacts/" + contactId + "/timeline").body()).get("events")
                .forEach(e -> kinds.add(e.get("kind").asText()));
        return kinds;
    }

    private long count(String table) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(server.jdbcUrl());
                var rs = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String lead(String email, String first, String last, String phone) {
        return "{\"id\":\"rec-" + Math.abs((email + phone).hashCode()) + "\",\"email\":\"" + email + "\",\"firstName\":\""
                + first + "\",\"lastName\":\"" + last + "\",\"company\":\"Analytical Engines\",\"website\":"
                + "\"analytical.example\",\"phone\":\"" + phone + "\",\"country\":\"US\",\"consent\":true,"
                + "\"message\":\"Call " + first + " on " + phone + "\"}";
    }
}
