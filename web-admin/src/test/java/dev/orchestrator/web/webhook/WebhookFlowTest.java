package dev.orchestrator.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookFlowTest {
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
    void aSignedLeadBecomesAContactWithItsAuditTrail() throws Exception {
        HttpResponse<String> ack = server.postSigned("msg_flow_1", lead("flow.one@acme.com"));

        assertThat(ack.statusCode()).isEqualTo(202);
        JsonNode ackBody = JSON.readTree(ack.body());
        assertThat(ackBody.get("duplicate").asBoolean()).isFalse();

        HttpResponse<String> contact = server.awaitGet("/api/contacts?email=Flow.One@acme.com", r -> r.statusCode() == 200);
        JsonNode body = JSON.readTree(contact.body());
        assertThat(body.get("email").asText()).isEqualTo("flow.one@acme.com");
        assertThat(body.get("ids").get("crm").asText()).isNotBlank();
        assertThat(body.get("stage").asText()).isEqualTo("lead");
        assertThat(body.get("timeline")).extracting(e -> e.get("kind").asText())
                .contains("normalized", "validated", "crm-searched", "crm-written");
    }

    @Test
    void theEventShowsItsDecisionTraceAndCrmIds() throws Exception {
        String eventId = JSON.readTree(server.postSigned("msg_flow_2", lead("flow.two@acme.com")).body())
                .get("eventId").asText();

        HttpResponse<String> event = server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));
        JsonNode body = JSON.readTree(event.body());
        assertThat(body.get("status").asText()).isEqualTo("done");
        assertThat(body.get("source").asText()).isEqualTo("form");
        assertThat(body.get("attempts").asInt()).isEqualTo(1);
        assertThat(body.get("crmObjectIds").get("contact").asText()).isNotBlank();
        assertThat(body.get("trace")).extracting(step -> step.get("step").asText())
                .containsSubsequence("normalized", "validated", "crm-searched", "crm-written");
    }

    @Test
    void aRedeliveryAnswersTheSameEventAsADuplicateAndMakesNoSecondContact() throws Exception {
        String first = server.postSigned("msg_flow_3", lead("flow.three@acme.com")).body();
        HttpResponse<String> again = server.postSigned("msg_flow_3", lead("flow.three@acme.com"));

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).get("eventId")).isEqualTo(JSON.readTree(first).get("eventId"));
        assertThat(JSON.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void aSecondLeadWithTheSameEmailUpdatesTheSameCrmContact() throws Exception {
        server.postSigned("msg_flow_4a", lead("flow.four@acme.com"));
        String crmId = JSON.readTree(server.awaitGet("/api/contacts?email=flow.four@acme.com",
                r -> r.statusCode() == 200).body()).get("ids").get("crm").asText();
        String second = JSON.readTree(server.postSigned("msg_flow_4b", lead("flow.four@acme.com")).body())
                .get("eventId").asText();

        server.awaitGet("/api/events/" + second, r -> r.body().contains("\"done\""));
        JsonNode contact = JSON.readTree(server.get("/api/contacts?email=flow.four@acme.com").body());
        assertThat(contact.get("ids").get("crm").asText()).isEqualTo(crmId);
        assertThat(contact.get("timeline")).extracting(e -> e.get("summary").asText())
                .anySatisfy(summary -> assertThat(summary).startsWith("updated CRM contact " + crmId));
    }

    @Test
    void aLeadWithAnInvalidEmailGoesToReview() throws Exception {
        String eventId = JSON.readTree(server.postSigned("msg_flow_5", lead("not-an-email")).body())
                .get("eventId").asText();

        JsonNode event = JSON.readTree(server.awaitGet("/api/events/" + eventId,
                r -> r.body().contains("\"review\"")).body());
        assertThat(event.get("status").asText()).isEqualTo("review");
        assertThat(event.get("lastError").asText()).contains("email");
    }

    @Test
    void aBadSignatureIs401AsProblemJsonNamingTheHeader() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/webhooks/form"))
                .header("Content-Type", "application/json").header("webhook-id", "msg_bad")
                .header("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("webhook-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                .POST(HttpRequest.BodyPublishers.ofString(lead("x@acme.com"))).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asText())
                .isEqualTo("webhook-signature");
    }

    @Test
    void aStaleTimestampIs401() {
        HttpResponse<String> response = server.postSigned("form", "msg_old", Instant.now().minusSeconds(301),
                lead("x@acme.com").getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("stale-timestamp");
    }

    @Test
    void aTimestampFromTheFutureIs401() {
        HttpResponse<String> response = server.postSigned("form", "msg_future", Instant.now().plusSeconds(301),
                lead("x@acme.com").getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownSourceIs404() {
        HttpResponse<String> response = server.postSigned("form-typo", "msg_x", Instant.now(),
                "{}".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("unknown-source");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        HttpResponse<String> response = server.postSigned("form", "msg_text", Instant.now(),
                "email=a@b.co".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void brokenJsonIs400ButTheSignedBytesAreStoredAndDeadLettered() throws Exception {
        HttpResponse<String> response = server.postSigned("form", "msg_broken", Instant.now(),
                "{\"email\":".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        String detail = JSON.readTree(response.body()).get("detail").asText();
        String eventId = detail.replaceAll(".*stored as event ([0-9a-f-]{36}).*", "$1");
        JsonNode event = JSON.readTree(server.get("/api/events/" + eventId).body());
        assertThat(event.get("status").asText()).isEqualTo("dead");
        assertThat(event.get("lastError").asText()).contains("malformed JSON");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        byte[] big = ("{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = server.postSigned("form", "msg_big", Instant.now(), big, "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theApiRefusesCallsWithoutAToken() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/contacts?email=a@b.co"))
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void healthReportsDatabaseQueueAndCrm() throws Exception {
        JsonNode health = JSON.readTree(server.get("/health").body());

        assertThat(health.get("database").get("status").asText()).isEqualTo("up");
        assertThat(health.get("queue").has("lagSeconds")).isTrue();
        assertThat(health.get("crm").get("name").asText()).isEqualTo("sandbox");
        assertThat(health.get("enrichment").get("providers").get(0).get("name").asText()).isEqualTo("sandbox");
    }

    @Test
    void theEventsPageEscapesWhatSendersControl() {
        server.postSigned("<b>msg_html</b>", lead("html.escape@acme.com"));

        dev.orchestrator.web.testing.Browser browser = new dev.orchestrator.web.testing.Browser(server);
        browser.logIn("victor", RunningOrchestrator.PASSWORD);
        HttpResponse<String> page = browser.get("/events");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;b&gt;msg_html&lt;/b&gt;").doesNotContain("<b>msg_html</b>");
    }

    static String lead(String email) {
        return "{\"id\":\"f-" + email.hashCode() + "\",\"email\":\"" + email + "\",\"firstName\":\"Jane\","
                + personOf(email) + ",\"company\":\"Acme Corporation\","
                + "\"country\":\"US\",\"consent\":true}";
    }

    /**
     * Each address is its own person (a surname and phone of its own): leads that shared one name and phone at one
     * company would be the same person to the pipeline's person dedupe.
     */
    static String personOf(String email) {
        // Letters spelled from the address's hash, so two addresses get surnames far more than a typo apart.
        StringBuilder last = new StringBuilder();
        for (char c : Integer.toHexString(email.hashCode()).toCharArray()) {
            last.append((char) ('a' + Character.digit(c, 16)));
        }
        last.setCharAt(0, Character.toUpperCase(last.charAt(0)));
        return "\"lastName\":\"" + last + "\",\"phone\":\"" + String.format(java.util.Locale.ROOT,
                "+1 415 555 %04d", Math.floorMod(email.hashCode(), 10000)) + "\"";
    }
}
