package dev.orchestrator.web.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The intake gate over HTTP: one review with every reason, corrections in the trace with the standardizer that
 * made them and the field map's version, and a review resolved with the missing consent replays to done.
 */
class IntakeGateFlowTest {
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
    void aLeadWithFiveProblemsGoesToReviewOnceWithEveryReason() throws Exception {
        String eventId = post("msg_gate_five", "{\"email\":\"x@yopmail.com\",\"country\":\"Narnia\","
                + "\"budgetRange\":\"a lot\",\"urgency\":\"whenever\"}");

        JsonNode event = await(eventId, "review");
        assertThat(event.get("lastError").asText()).contains("email uses a disposable mailbox provider",
                "consent is required", "country 'Narnia' is not a country", "budgetRange 'a lot' is not one of",
                "urgency 'whenever' is not one of");
        assertThat(review(eventId).get("problems")).extracting(p -> p.get("field").asText())
                .containsExactly("email", "consent", "country", "budgetRange", "urgency");
    }

    @Test
    void eachCorrectionIsInTheTraceWithTheStandardizerThatMadeItAndTheMapsVersion() throws Exception {
        String eventId = post("msg_gate_alias", "{\"id\":\"f-alias\",\"email\":\" Lee@Globex.com \","
                + "\"company\":\"globex holdings inc\",\"country\":\"Deutschland\",\"phone\":\"030 901820\","
                + "\"urgency\":\"ASAP\",\"consent\":true}");

        JsonNode event = await(eventId, "done");
        List<String> corrected = new ArrayList<>();
        String fieldMap = "";
        for (JsonNode step : event.get("trace")) {
            if (step.get("step").asText().equals("corrected")) {
                corrected.add(step.get("actor").asText() + ":" + step.get("evidence").get("from").asText() + "→"
                        + step.get("evidence").get("to").asText());
            }
            if (step.get("step").asText().equals("normalized")) {
                fieldMap = step.get("evidence").get("fieldMap").asText();
            }
        }
        assertThat(corrected).contains("email: Lee@Globex.com →lee@globex.com", "country:Deutschland→DE",
                "phone:030 901820→+4930901820", "urgency:ASAP→immediate",
                "company-name:globex holdings inc→Globex Holdings Inc");
        assertThat(fieldMap).matches("form@[0-9a-f]{12}");
    }

    @Test
    void aLeadWithoutConsentResolvedWithConsentReplaysToDone() throws Exception {
        String eventId = post("msg_gate_consent", "{\"id\":\"f-consent\",\"email\":\"ask@initech.com\","
                + "\"urgency\":\"whenever\"}");
        await(eventId, "review");

        HttpResponse<String> resolved = server.postApi("/api/review/" + review(eventId).get("id").asText()
                + "/resolve", RunningOrchestrator.OPERATOR_TOKEN,
                "{\"corrections\":{\"consent\":\"true\",\"urgency\":\"this quarter\"}}");

        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(await(eventId, "done").get("status").asText()).isEqualTo("done");
    }

    private static String post(String id, String json) throws Exception {
        HttpResponse<String> ack = server.postSigned("form", id, Instant.now(), json.getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(202);
        return JSON.readTree(ack.body()).get("eventId").asText();
    }

    private static JsonNode await(String eventId, String status) throws Exception {
        return JSON.readTree(server.awaitGet("/api/events/" + eventId,
                r -> r.body().contains("\"status\":\"" + status + "\"")).body());
    }

    private static JsonNode review(String eventId) throws Exception {
        JsonNode items = JSON.readTree(server.get("/api/review?limit=500").body()).get("items");
        for (JsonNode item : items) {
            if (item.get("eventId").asText().equals(eventId)) {
                return item;
            }
        }
        throw new AssertionError("no review item for event " + eventId + " in " + items);
    }
}
