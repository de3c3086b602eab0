package dev.orchestrator.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.Browser;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContactsPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningOrchestrator server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.start();
        browser = new Browser(server);
        browser.logIn("victor", RunningOrchestrator.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void searchingByEmailOpensTheContactsPage() throws Exception {
        JsonNode contact = contact("cp.one@acme.com", "msg_cp_1");

        HttpResponse<String> found = browser.get("/contacts?email=CP.One@acme.com");

        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(found.headers().firstValue("Location")).hasValue("/contacts/" + contact.get("id").asText());
    }

    @Test
    void anAdminForgetsAPersonFromTheContactPage() throws Exception {
        JsonNode contact = contact("cp.forget@acme.com", "msg_cp_forget");
        Browser admin = new Browser(server);
        admin.logIn("admin", RunningOrchestrator.PASSWORD);
        String page = "/contacts/" + contact.get("id").asText();
        assertThat(admin.get(page).body()).contains("id=\"forget-contact\"");

        HttpResponse<String> forgotten = admin.postWithToken(page, page + "/forget", java.util.Map.of());

        assertThat(forgotten.statusCode()).isEqualTo(302);
        assertThat(forgotten.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("/contacts?forgotten=forgotten-"));
        assertThat(server.get("/api/contacts?email=cp.forget@acme.com").statusCode()).isEqualTo(404);
    }

    @Test
    void aViewerSeesNoForgetButtonAndMayNotForget() throws Exception {
        JsonNode contact = contact("cp.keep@acme.com", "msg_cp_keep");
        String page = "/contacts/" + contact.get("id").asText();

        assertThat(browser.get(page).body()).doesNotContain("forget-contact");
        assertThat(browser.postWithToken(page, page + "/forget", java.util.Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void theScoresWhyShowsARuleReadingTheClassifiersProposalWithTheValuesItRead() throws Exception {
        String email = "vp@bluepeakpath.com";
        server.postSigned("msg_cp_ai", "{\"id\":\"f-cp-ai\",\"email\":\"" + email + "\",\"consent\":true,"
                + "\"message\":\"Budget approved, we need this urgently this quarter to replace Salesforce for 60 users.\"}");
        JsonNode contact = JSON.readTree(server.awaitGet("/api/contacts?email=" + email,
                r -> r.statusCode() == 200).body());

        String html = browser.get("/contacts/" + contact.get("id").asText()).body();

        assertThat(html).contains("ai-priority-intent", "ai.routing_tier == priority and ai.confidence &gt;= 0.8",
                "ai.routing_tier");
    }

    @Test
    void anUnknownEmailIsSaidSo() {
        HttpResponse<String> page = browser.get("/contacts?email=nobody@acme.com");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No contact with the email nobody@acme.com.");
    }

    @Test
    void theTimelineShowsEveryAuditEventOfTheContact() throws Exception {
        JsonNode contact = contact("cp.two@acme.com", "msg_cp_2");

        String html = browser.get("/contacts/" + contact.get("id").asText()).body();

        assertThat(html).contains("id=\"timeline\"", "normalized", "validated", "crm-searched", "crm-written");
    }

    @Test
    void theWhySectionShowsTheRuleItsVersionAndEachConditionWithItsMarkAndValues() throws Exception {
        JsonNode contact = contact("cp.three@acme.com", "msg_cp_3");
        String eventId = contact.get("timeline").get(0).get("correlationId").asText();
        server.recordRuleDecision(contact.get("id").asText(), eventId, "transitioned", "mql-fit-and-intent",
                "sha256:4f2a9c0e1b7d", "lead → mql", """
                {"from":"lead","to":"mql","condition.1.expr":"score.fit >= 30","condition.1.result":"true",
                 "condition.1.values.score.fit":"35","condition.2.expr":"signal any [pricing_page_view] within 30d",
                 "condition.2.result":"false","condition.2.values.signals":"none"}""");

        String html = browser.get("/contacts/" + contact.get("id").asText()).body();

        assertThat(html).contains("Why is this contact an MQL?", "mql-fit-and-intent", "sha256:4f2a9c0e1b7d",
                "score.fit &gt;= 30", "<strong>35</strong>", "✓", "✗", "href=\"/events/" + eventId + "\"");
    }

    @Test
    void theTimelineIsPagedByPosition() throws Exception {
        JsonNode contact = contact("cp.four@acme.com", "msg_cp_4");
        String id = contact.get("id").asText();
        String eventId = contact.get("timeline").get(0).get("correlationId").asText();
        for (int i = 0; i < ContactsPage.PAGE_SIZE; i++) {
            server.recordRuleDecision(id, eventId, "scored", "fit-" + i, "v1", "scored " + i, "{}");
        }

        String first = browser.get("/contacts/" + id).body();

        String firstTimeline = first.substring(first.indexOf("id=\"timeline\""));
        assertThat(firstTimeline).contains("rel=\"next\"", "crm-written", "scored 0<")
                .doesNotContain("scored 99<");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/contacts/" + id
                + "\\?after=\\d+)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = browser.get(next.group(1)).body();
        assertThat(second.substring(second.indexOf("id=\"timeline\""))).contains("scored 99<")
                .doesNotContain("crm-written", "scored 0<");
    }

    private static JsonNode contact(String email, String messageId) throws Exception {
        server.postSigned(messageId, PageFixtures.lead(email));
        return JSON.readTree(server.awaitGet("/api/contacts?email=" + email, r -> r.statusCode() == 200).body());
    }
}
