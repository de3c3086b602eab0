package dev.orchestrator.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.Browser;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReviewPageTest {
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
    void anInvalidLeadWaitsInTheQueueWithAFormForTheFieldAtFault() throws Exception {
        String reviewId = reviewItemFor("msg_rv_1", "jane.at.acme.com");
        Browser viewer = logIn("victor");

        assertThat(viewer.get("/review").body()).contains("href=\"/review/" + reviewId + "\"", "email");
        String item = viewer.get("/review/" + reviewId).body();
        assertThat(item).contains("name=\"field.email\"", "value=\"jane.at.acme.com\"", "Save and re-run");
    }

    @Test
    void aPossibleDuplicateAccountIsShownSideBySideWithTheMatchingEvidence() throws Exception {
        String eventId = JSON.readTree(server.postSigned("msg_rv_dup", "{\"id\":\"f-dup\",\"email\":\"ops@acme-labs.io\","
                + "\"company\":\"Acme Labs\",\"consent\":true}").body()).get("eventId").asText();
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));
        String reviewId = java.util.UUID.randomUUID().toString();
        server.sql("""
                insert into review_items (id, event_id, reason, problems, status, created_at)
                values (?::uuid, ?::uuid, 'possible-duplicate-account', json_object(?::text[], ?::text[]), 'open', now())""",
                reviewId, eventId,
                new String[] {"company", "lead.name", "lead.domain", "account.name", "account.domain", "evidence.name"},
                new String[] {"new company 7 may be account 3", "Acme Labs", "acme-labs.io", "ACME Laboratories Inc.",
                    "acmelabs.com", "acme labs ~ acme laboratories (+2.5)"});

        String page = logIn("victor").get("/review/" + reviewId).body();

        assertThat(page).contains("id=\"side-by-side\"", "<td>Acme Labs</td><td>ACME Laboratories Inc.</td>",
                "<td>acme-labs.io</td><td>acmelabs.com</td>", "name: acme labs ~ acme laboratories (+2.5)");
    }

    @Test
    void resolvingWithACorrectedEmailReRunsTheEventWithIt() throws Exception {
        String reviewId = reviewItemFor("msg_rv_2", "sam.at.acme.com");
        Browser operator = logIn("olive");

        HttpResponse<String> resolved = operator.postWithToken("/review/" + reviewId, "/review/" + reviewId + "/resolve",
                Map.of("action", "rerun", "field.email", "sam@acme.com"));

        assertThat(resolved.statusCode()).isEqualTo(302);
        JsonNode contact = JSON.readTree(server.awaitGet("/api/contacts?email=sam@acme.com",
                r -> r.statusCode() == 200).body());
        assertThat(contact.get("timeline")).anySatisfy(e -> assertThat(e.get("summary").asText())
                .contains("corrected in review"));
        assertThat(operator.get("/review").body()).doesNotContain("/review/" + reviewId + "\"");
    }

    @Test
    void aViewerCannotResolve() throws Exception {
        String reviewId = reviewItemFor("msg_rv_3", "ann.at.acme.com");
        Browser viewer = logIn("victor");

        HttpResponse<String> resolved = viewer.postWithToken("/review/" + reviewId, "/review/" + reviewId + "/resolve",
                Map.of("action", "dismiss"));

        assertThat(resolved.statusCode()).isEqualTo(403);
    }

    @Test
    void theApiListsOpenItemsAndResolvesWithCorrections() throws Exception {
        String reviewId = reviewItemFor("msg_rv_4", "bo.at.acme.com");

        assertThat(server.get("/api/review").body()).contains(reviewId);
        assertThat(server.postApi("/api/review/" + reviewId + "/resolve", RunningOrchestrator.OPERATOR_TOKEN,
                "{\"corrections\":{\"shoeSize\":\"44\"}}").statusCode()).isEqualTo(400);
        HttpResponse<String> resolved = server.postApi("/api/review/" + reviewId + "/resolve",
                RunningOrchestrator.OPERATOR_TOKEN, "{\"corrections\":{\"email\":\"bo@acme.com\"}}");

        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(resolved.body()).get("rerun").asBoolean()).isTrue();
        assertThat(server.awaitGet("/api/contacts?email=bo@acme.com", r -> r.statusCode() == 200).statusCode())
                .isEqualTo(200);
        assertThat(server.postApi("/api/review/" + reviewId + "/resolve", RunningOrchestrator.OPERATOR_TOKEN, "{}")
                .statusCode()).isEqualTo(409);
    }

    private static Browser logIn(String user) {
        Browser browser = new Browser(server);
        browser.logIn(user, RunningOrchestrator.PASSWORD);
        return browser;
    }

    private static String reviewItemFor(String messageId, String badEmail) throws Exception {
        String eventId = JSON.readTree(server.postSigned(messageId, PageFixtures.lead(badEmail)).body())
                .get("eventId").asText();
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"review\""));
        JsonNode items = JSON.readTree(server.get("/api/review?limit=500").body()).get("items");
        for (JsonNode item : items) {
            if (item.get("eventId").asText().equals(eventId)) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError("no review item for event " + eventId + ": " + items);
    }
}
