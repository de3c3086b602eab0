package dev.orchestrator.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The story the product exists for: a form lead from a software company of 2,674 people (sandbox
 * firmographics) is enriched, scored and routed; a pricing-page view makes it an MQL; and the API answers why,
 * with the rule, the ruleset version, each condition and the values it read.
 */
class LeadToMqlFlowTest {
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
    void aFitLeadWithPricingIntentBecomesAnMqlAndTheApiSaysWhy() throws Exception {
        String email = "maria.lopez@atlantacloud.com";
        server.postSigned("msg_mql_form", "{\"id\":\"f-mql\",\"email\":\"" + email + "\",\"firstName\":\"Maria\","
                + "\"lastName\":\"Lopez\",\"company\":\"Atlanta Cloud\",\"website\":\"https://www.atlantacloud.com\","
                + "\"country\":\"US\",\"consent\":true}");
        JsonNode lead = JSON.readTree(server.awaitGet("/api/contacts?email=" + email, r -> r.statusCode() == 200).body());
        assertThat(lead.get("stage").asText()).isEqualTo("lead");
        assertThat(lead.get("scores").get("fit").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(lead.get("timeline")).extracting(e -> e.get("kind").asText()).contains("enriched", "scored");

        String activity = "{\"id\":\"a-1\",\"type\":\"pricing_page_view\",\"email\":\"" + email + "\","
                + "\"occurredAt\":\"" + Instant.now().minusSeconds(60) + "\",\"url\":\"https://example.com/pricing\"}";
        HttpResponse<String> ack = server.postSigned("activity", "msg_mql_signal", Instant.now(),
                activity.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(ack.statusCode()).isEqualTo(202);

        JsonNode mql = JSON.readTree(server.awaitGet("/api/contacts?email=" + email,
                r -> r.body().contains("\"stage\":\"mql\"")).body());
        assertThat(mql.get("stage").asText()).isEqualTo("mql");
        assertThat(mql.get("owner").asText()).isNotBlank();

        String id = mql.get("id").asText();
        JsonNode why = JSON.readTree(server.get("/api/contacts/" + id + "/why?stage=mql").body());
        assertThat(why.get("ruleId").asText()).isEqualTo("mql-fit-and-intent");
        assertThat(why.get("rulesetVersion").asText()).hasSize(64);
        assertThat(why.get("sourceEventId").asText()).isEqualTo(JSON.readTree(ack.body()).get("eventId").asText());
        assertThat(why.get("conditions")).allSatisfy(c -> assertThat(c.get("result").asBoolean()).isTrue());
        assertThat(why.get("conditions").get(0).get("expr").asText()).isEqualTo("score.fit >= 30");
        assertThat(why.get("conditions").get(0).get("values").get("score.fit").asInt()).isGreaterThanOrEqualTo(30);

        JsonNode owner = JSON.readTree(server.get("/api/contacts/" + id + "/why?owner").body());
        assertThat(owner.get("ruleId").asText()).isNotBlank();
        assertThat(owner.get("candidates")).isNotEmpty();
    }

    @Test
    void aLeadFromAnotherDomainOfAKnownAccountIsMatchedToThatAccount() throws Exception {
        // The seeded sandbox CRM holds "Atlanta Cloud Co." at atlantacloud.com; this lead writes from .co.uk.
        String email = "jane.doe@atlantacloud.co.uk";
        server.postSigned("msg_account_match", "{\"id\":\"f-acct\",\"email\":\"" + email + "\","
                + "\"firstName\":\"Jane\",\"lastName\":\"Doe\",\"company\":\"ATLANTA CLOUD Company\","
                + "\"country\":\"GB\",\"consent\":true}");

        JsonNode contact = JSON.readTree(server.awaitGet("/api/contacts?email=" + email,
                r -> r.statusCode() == 200).body());
        assertThat(contact.get("timeline")).anySatisfy(event -> {
            assertThat(event.get("kind").asText()).isEqualTo("matched");
            assertThat(event.get("summary").asText()).startsWith("company matched existing account");
        });
    }

    @Test
    void theSweepAsksTheRulesAgainThroughTheQueueOncePerContactPerDay() throws Exception {
        String email = "sweep.me@atlasrobotics.com";
        server.postSigned("msg_sweep_form", "{\"id\":\"f-sweep\",\"email\":\"" + email + "\",\"consent\":true}");
        server.awaitGet("/api/contacts?email=" + email, r -> r.statusCode() == 200);

        HttpResponse<String> first = server.postAs(RunningOrchestrator.ADMIN_TOKEN, "/api/lifecycle/sweep?minAgeSeconds=0");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("queued").asInt()).isPositive();

        JsonNode contact = JSON.readTree(server.awaitGet("/api/contacts?email=" + email,
                r -> r.body().contains("scheduled re-evaluation of " + email)).body());
        assertThat(contact.get("timeline")).extracting(e -> e.get("summary").asText())
                .contains("scheduled re-evaluation of " + email);
        HttpResponse<String> again = server.postAs(RunningOrchestrator.ADMIN_TOKEN, "/api/lifecycle/sweep?minAgeSeconds=0");
        assertThat(JSON.readTree(again.body()).get("queued").asInt()).isZero();
    }

    @Test
    void aConfidentPriorityReadingOfTheMessageAddsIntentPointsThroughARule() throws Exception {
        String email = "cto@bluepeakpath.com";
        server.postSigned("msg_ai_priority", "{\"id\":\"f-ai\",\"email\":\"" + email + "\",\"consent\":true,"
                + "\"message\":\"Our budget is approved and we need this urgently this quarter: we are evaluating a "
                + "replacement for Salesforce for 40 engineers.\"}");

        JsonNode contact = JSON.readTree(server.awaitGet("/api/contacts?email=" + email,
                r -> r.statusCode() == 200).body());
        JsonNode classified = null;
        JsonNode scored = null;
        for (JsonNode event : contact.get("timeline")) {
            if (event.get("kind").asText().equals("classified")) {
                classified = event;
            }
            if (event.get("kind").asText().equals("scored")) {
                scored = event;
            }
        }
        assertThat(classified).isNotNull();
        assertThat(classified.get("evidence").toString()).contains("priority");
        assertThat(scored.get("evidence").toString()).contains("ai-priority-intent");
        assertThat(contact.get("scores").get("behavior").asInt()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aSignalFromSomeoneUnknownIsKeptForWhenTheyBecomeAContact() throws Exception {
        String activity = "{\"id\":\"a-2\",\"type\":\"content_download\",\"email\":\"later@atlasrobotics.com\","
                + "\"occurredAt\":\"" + Instant.now().minusSeconds(3600) + "\"}";
        String eventId = JSON.readTree(server.postSigned("activity", "msg_unknown_signal", Instant.now(),
                activity.getBytes(StandardCharsets.UTF_8), "application/json").body()).get("eventId").asText();

        JsonNode event = JSON.readTree(server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\"")).body());
        assertThat(event.get("status").asText()).isEqualTo("done");
    }

    @Test
    void anActivityWithAnUnknownTypeGoesToReviewNamingTheField() throws Exception {
        String activity = "{\"id\":\"a-3\",\"type\":\"telepathy\",\"email\":\"x@acme.com\",\"occurredAt\":\""
                + Instant.now() + "\"}";
        String eventId = JSON.readTree(server.postSigned("activity", "msg_bad_type", Instant.now(),
                activity.getBytes(StandardCharsets.UTF_8), "application/json").body()).get("eventId").asText();

        JsonNode event = JSON.readTree(server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"review\"")).body());
        assertThat(event.get("lastError").asText()).startsWith("type ");
    }
}
