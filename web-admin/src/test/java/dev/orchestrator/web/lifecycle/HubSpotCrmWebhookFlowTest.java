package dev.orchestrator.web.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.intake.HubSpotV3Scheme;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CRM talking back, end to end over HTTP: signed HubSpot v3 batches to {@code POST /webhooks/hubspot}, split
 * per eventId and deduplicated, manual changes respected and audited, echoes of our own writes ignored, illegal
 * changes refused, and the SLA sweep reassigning an untouched SQL exactly once.
 */
class HubSpotCrmWebhookFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong EVENT_IDS = new AtomicLong(9_000_000);
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
    void aBatchIsAcceptedOnItsHubSpotSignatureAndRefusedWithoutIt() throws Exception {
        String body = "[" + propertyChange(EVENT_IDS.incrementAndGet(), "1", "lifecyclestage", "lead", "CRM_UI",
                "userId:1") + "]";

        assertThat(postHubSpot(body, true).statusCode()).isEqualTo(202);
        assertThat(postHubSpot(body, false).statusCode()).isEqualTo(401);
    }

    @Test
    void aPersonsStageChangeIsRespectedAndExplainedAsManual() throws Exception {
        Known contact = knownContact("manual.stage@acme.com");

        String eventId = ack(postHubSpot("[" + propertyChange(EVENT_IDS.incrementAndGet(), contact.crmId(),
                "lifecyclestage", "salesqualifiedlead", "CRM_UI", "userId:4711") + "]", true));
        awaitDone(eventId);

        JsonNode view = contact("manual.stage@acme.com");
        assertThat(view.get("stage").asText()).isEqualTo("sql");
        JsonNode why = JSON.readTree(server.get("/api/contacts/" + contact.id() + "/why?stage=sql").body());
        assertThat(why.get("ruleId").asText()).isEqualTo("crm-manual-change");
        assertThat(transition(view, "sql").get("actor").asText()).isEqualTo("user:hubspot-user:4711");
        assertThat(transition(view, "sql").get("evidence").get("manual").asText()).isEqualTo("true");
    }

    @Test
    void theSameEventIdInTwoDeliveriesIsAppliedOnce() throws Exception {
        Known contact = knownContact("dedupe.stage@acme.com");
        long id = EVENT_IDS.incrementAndGet();
        String change = propertyChange(id, contact.crmId(), "lifecyclestage", "marketingqualifiedlead", "CRM_UI",
                "userId:5");

        awaitDone(ack(postHubSpot("[" + change + "," + change + "]", true)));
        String other = propertyChange(EVENT_IDS.incrementAndGet(), "999999999", "firstname", "X", "CRM_UI",
                "userId:5");
        awaitDone(ack(postHubSpot("[" + other + "," + change + "]", true)));

        JsonNode view = contact("dedupe.stage@acme.com");
        assertThat(kinds(view, "transitioned", "crm-manual-change")).hasSize(1);
        assertThat(countRows("select count(*) from crm_webhook_events where event_id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void anEchoOfOurOwnWriteIsIgnoredAndNothingIsWrittenBack() throws Exception {
        Known contact = knownContact("echo.stage@acme.com");
        JsonNode before = contact("echo.stage@acme.com");
        long crmWritesBefore = countRows("select count(*) from audit_events where kind = 'crm-written'"
                + " and entity_id = '" + contact.id() + "'");

        // The stage we wrote ("lead") comes back from our integration: an echo, not a change.
        awaitDone(ack(postHubSpot("[" + propertyChange(EVENT_IDS.incrementAndGet(), contact.crmId(),
                "lifecyclestage", before.get("stage").asText(), "INTEGRATION", "123456") + "]", true)));

        JsonNode after = contact("echo.stage@acme.com");
        assertThat(after.get("stage").asText()).isEqualTo(before.get("stage").asText());
        assertThat(after.get("timeline")).anySatisfy(event -> {
            assertThat(event.get("kind").asText()).isEqualTo("ignored");
            assertThat(event.get("summary").asText()).startsWith("echo of our own write");
        });
        assertThat(countRows("select count(*) from audit_events where kind = 'crm-written' and entity_id = '"
                + contact.id() + "'")).isEqualTo(crmWritesBefore);
    }

    @Test
    void aWorkflowsIllegalStageChangeIsRefusedAndOurStageStays() throws Exception {
        Known contact = knownContact("illegal.stage@acme.com");

        awaitDone(ack(postHubSpot("[" + propertyChange(EVENT_IDS.incrementAndGet(), contact.crmId(),
                "lifecyclestage", "opportunity", "WORKFLOWS", "987") + "]", true)));

        JsonNode view = contact("illegal.stage@acme.com");
        assertThat(view.get("stage").asText()).isEqualTo("lead");
        assertThat(view.get("timeline")).anySatisfy(event -> {
            assertThat(event.get("kind").asText()).isEqualTo("rejected");
            assertThat(event.get("summary").asText()).contains("illegal transition lead → opportunity");
        });
    }

    @Test
    void mergeRepointsOurContactAndDeletionDropsTheCrmId() throws Exception {
        Known contact = knownContact("merged.contact@acme.com");
        String survivor = "77000" + EVENT_IDS.incrementAndGet();

        awaitDone(ack(postHubSpot("[{\"eventId\":" + EVENT_IDS.incrementAndGet() + ",\"subscriptionType\":"
                + "\"contact.merge\",\"objectId\":" + survivor + ",\"primaryObjectId\":" + survivor
                + ",\"mergedObjectIds\":[\"" + contact.crmId() + "\"," + survivor + "],\"occurredAt\":"
                + Instant.now().toEpochMilli() + ",\"changeSource\":\"CRM_UI\",\"sourceId\":\"userId:9\"}]", true)));
        assertThat(contact("merged.contact@acme.com").get("ids").get("crm").asText()).isEqualTo(survivor);

        awaitDone(ack(postHubSpot("[{\"eventId\":" + EVENT_IDS.incrementAndGet() + ",\"subscriptionType\":"
                + "\"contact.deletion\",\"objectId\":" + survivor + ",\"occurredAt\":"
                + Instant.now().toEpochMilli() + ",\"changeSource\":\"CRM_UI\",\"sourceId\":\"userId:9\"}]", true)));
        JsonNode deleted = contact("merged.contact@acme.com");
        JsonNode crm = deleted.get("ids").path("crm");
        assertThat(crm.isNull() || crm.isMissingNode()).isTrue();
        assertThat(deleted.get("stage").asText()).isEqualTo("lead");
    }

    @Test
    void anUntouchedSqlIsReassignedByTheSweepOnceWithItsEvidence() throws Exception {
        Known contact = knownContact("sla.breach@acme.com");
        awaitDone(ack(postHubSpot("[" + propertyChange(EVENT_IDS.incrementAndGet(), contact.crmId(),
                "lifecyclestage", "salesqualifiedlead", "CRM_UI", "userId:3") + ","
                + propertyChange(EVENT_IDS.incrementAndGet(), contact.crmId(), "hubspot_owner_id", "owner-05",
                "CRM_UI", "userId:3") + "]", true)));
        assertThat(contact("sla.breach@acme.com").get("owner").asText()).isEqualTo("owner-05");
        // Three weeks pass without a touch (the clock is the server's, so the timer is moved back instead).
        server.sql("update lifecycle_clocks set stage_entered_at = now() - interval '21 days',"
                + " owner_assigned_at = now() - interval '21 days', touched_at = null where contact_id = ?",
                java.util.UUID.fromString(contact.id()));

        JsonNode first = JSON.readTree(server.postApi("/api/lifecycle/sweep?minAgeSeconds=86400",
                RunningOrchestrator.OPERATOR_TOKEN, "").body());
        JsonNode second = JSON.readTree(server.postApi("/api/lifecycle/sweep?minAgeSeconds=86400",
                RunningOrchestrator.OPERATOR_TOKEN, "").body());

        assertThat(first.get("slaBreaches").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode view = contact("sla.breach@acme.com");
        assertThat(view.get("owner").asText()).isNotEqualTo("owner-05").startsWith("owner-");
        List<JsonNode> breaches = kinds(view, "sla-breached", "sql-first-touch");
        assertThat(breaches).hasSize(1);
        JsonNode evidence = breaches.get(0).get("evidence");
        assertThat(evidence.get("ownerBefore").asText()).isEqualTo("owner-05");
        assertThat(evidence.get("ownerAfter").asText()).isEqualTo(view.get("owner").asText());
        assertThat(Double.parseDouble(evidence.get("elapsedHours").asText())).isGreaterThanOrEqualTo(8);
        assertThat(evidence.get("candidate.1.owner")).isNotNull();
        assertThat(kinds(view, "alert-raised", "sql-first-touch")).hasSize(1);
        assertThat(second.get("slaBreaches").asInt()).isZero();
        JsonNode why = JSON.readTree(server.get("/api/contacts/" + contact.id() + "/why?owner").body());
        assertThat(why.get("candidates")).anySatisfy(candidate -> {
            assertThat(candidate.get("owner").asText()).isEqualTo("owner-05");
            assertThat(candidate.get("outcome").asText()).isEqualTo("excluded");
        });
    }

    private record Known(String id, String crmId) {
    }

    private static Known knownContact(String email) throws Exception {
        server.postSigned("lead-" + email, lead(email));
        JsonNode view = JSON.readTree(server.awaitGet("/api/contacts?email=" + email, r -> r.statusCode() == 200)
                .body());
        return new Known(view.get("id").asText(), view.get("ids").get("crm").asText());
    }

    private static JsonNode contact(String email) throws Exception {
        return JSON.readTree(server.get("/api/contacts?email=" + email).body());
    }

    private static JsonNode transition(JsonNode view, String to) {
        for (JsonNode event : view.get("timeline")) {
            if (event.get("kind").asText().equals("transitioned")
                    && to.equals(event.get("evidence").path("to").asText())) {
                return event;
            }
        }
        throw new AssertionError("no transition to " + to + " in " + view.get("timeline"));
    }

    private static List<JsonNode> kinds(JsonNode view, String kind, String ruleId) {
        List<JsonNode> found = new ArrayList<>();
        view.get("timeline").forEach(event -> {
            if (event.get("kind").asText().equals(kind) && ruleId.equals(event.path("ruleId").asText())) {
                found.add(event);
            }
        });
        return found;
    }

    private static long countRows(String sql) throws Exception {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(server.jdbcUrl());
                java.sql.ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String ack(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("eventId").asText();
    }

    private static void awaitDone(String eventId) {
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));
    }

    private static HttpResponse<String> postHubSpot(String body, boolean signed) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().toEpochMilli();
        String uri = server.uri("/webhooks/hubspot").toString();
        String signature = signed ? HubSpotV3Scheme.sign(RunningOrchestrator.HUBSPOT_SECRET, "POST", uri, bytes, now)
                : HubSpotV3Scheme.sign("not-the-secret", "POST", uri, bytes, now);
        return server.send(HttpRequest.newBuilder(server.uri("/webhooks/hubspot"))
                .header("Content-Type", "application/json")
                .header("X-HubSpot-Signature-v3", signature)
                .header("X-HubSpot-Request-Timestamp", Long.toString(now))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    private static String propertyChange(long eventId, String objectId, String property, String value,
            String changeSource, String sourceId) {
        return "{\"eventId\":" + eventId + ",\"subscriptionId\":1,\"portalId\":62515,\"appId\":777,"
                + "\"occurredAt\":" + Instant.now().toEpochMilli() + ",\"subscriptionType\":\"contact.propertyChange\","
                + "\"attemptNumber\":0,\"objectId\":\"" + objectId + "\",\"propertyName\":\"" + property + "\","
                + "\"propertyValue\":\"" + value + "\",\"changeSource\":\"" + changeSource + "\",\"sourceId\":\""
                + sourceId + "\"}";
    }

    private static String lead(String email) {
        return "{\"id\":\"f-" + email.hashCode() + "\",\"email\":\"" + email + "\",\"firstName\":\"Jane\","
                + "\"lastName\":\"Doe\",\"company\":\"Acme Corporation\",\"country\":\"US\",\"consent\":true}";
    }
}
