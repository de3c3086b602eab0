package dev.orchestrator.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/dead-letters/replay} and {@code GET /api/dead-letters/{id}} on a running server. */
class BulkReplayApiTest {
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
    void theDeadLettersOfAnErrorClassAreReplayedOnceAndTheirEventsProcessedAgain() throws Exception {
        String eventId = processed("bulk.one@acme.com", "msg_bulk_1");
        long jobId = server.buryAsIfTheCrmFailed(eventId);
        server.sql("update jobs set error_class = 'crm:retryable' where id = ?", jobId);

        HttpResponse<String> first = server.postApi("/api/dead-letters/replay", RunningOrchestrator.OPERATOR_TOKEN,
                "{\"errorClass\":\"crm:retryable\"}");
        HttpResponse<String> again = server.postApi("/api/dead-letters/replay", RunningOrchestrator.OPERATOR_TOKEN,
                "{\"errorClass\":\"crm:retryable\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("replayed").get(0).get("jobId").asLong()).isEqualTo(jobId);
        assertThat(JSON.readTree(again.body()).get("count").asInt()).isZero();
        assertThat(server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\"")).body())
                .contains("\"done\"");
    }

    @Test
    void aDeadLetterShowsItsErrorAndItsEventsTrace() throws Exception {
        String eventId = processed("bulk.two@acme.com", "msg_bulk_2");
        long jobId = server.buryAsIfTheCrmFailed(eventId);

        JsonNode detail = JSON.readTree(server.get("/api/dead-letters/" + jobId).body());

        assertThat(detail.get("kind").asText()).isEqualTo("process-event");
        assertThat(detail.get("deadLetter").get("error").asText()).contains("HTTP 503");
        assertThat(detail.get("trace").toString()).contains("crm-written");
    }

    @Test
    void aReplayWithoutAFilterIsRefused() {
        HttpResponse<String> refused = server.postApi("/api/dead-letters/replay", RunningOrchestrator.OPERATOR_TOKEN,
                "{}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("error class or a time range");
    }

    @Test
    void aViewerMayNotReplay() {
        assertThat(server.postApi("/api/dead-letters/replay", RunningOrchestrator.TOKEN,
                "{\"errorClass\":\"slack:500\"}").statusCode()).isEqualTo(403);
    }

    private static String processed(String email, String messageId) throws Exception {
        String lead = "{\"id\":\"" + messageId + "\",\"email\":\"" + email + "\",\"firstName\":\"Jane\","
                + "\"lastName\":\"Doe\",\"company\":\"Acme Corporation\",\"consent\":true}";
        String eventId = JSON.readTree(server.postSigned(messageId, lead).body()).get("eventId").asText();
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));
        return eventId;
    }
}
