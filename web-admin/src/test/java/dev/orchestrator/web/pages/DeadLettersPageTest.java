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

class DeadLettersPageTest {
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
    void theListShowsEachDeadLetterWithItsErrorBodyAndAttempts() throws Exception {
        long jobId = deadLetter("dl.one@acme.com", "msg_dl_1");
        Browser viewer = logIn("victor");

        String html = viewer.get("/dead-letters").body();

        assertThat(html).contains("id=\"job-" + jobId + "\"", "5 / 5", "CrmFailure: HTTP 503",
                "dl.one@acme.com");
    }

    @Test
    void anOperatorReplaysOneAndTheEventIsProcessedAgainWithTheReplayAudited() throws Exception {
        String eventId = processed("dl.two@acme.com", "msg_dl_2");
        long jobId = server.buryAsIfTheCrmFailed(eventId);
        Browser operator = logIn("olive");

        HttpResponse<String> replay = operator.postWithToken("/dead-letters", "/dead-letters/replay",
                Map.of("jobId", Long.toString(jobId)));

        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(operator.get(replay.headers().firstValue("Location").orElseThrow()).body())
                .contains("Replayed 1 dead letter(s)");
        JsonNode event = JSON.readTree(server.awaitGet("/api/events/" + eventId,
                r -> r.body().contains("\"done\"")).body());
        assertThat(event.get("status").asText()).isEqualTo("done");
        assertThat(event.get("trace")).anySatisfy(step -> {
            assertThat(step.get("step").asText()).isEqualTo("replayed");
            assertThat(step.get("actor").asText()).isEqualTo("olive");
        });
    }

    @Test
    void anOperatorReplaysTheSelectedOnes() throws Exception {
        long first = deadLetter("dl.three@acme.com", "msg_dl_3");
        long second = deadLetter("dl.four@acme.com", "msg_dl_4");
        Browser operator = logIn("olive");
        String token = Browser.csrfOn(operator.get("/dead-letters").body());

        HttpResponse<String> replay = operator.post("/dead-letters/replay?x=1", Map.of("_csrf", token));
        assertThat(replay.headers().firstValue("Location")).hasValue("/dead-letters?replayed=0");
        String body = "_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)
                + "&selected=" + first + "&selected=" + second + "&bulk=1";
        HttpResponse<String> bulk = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/dead-letters/replay"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "orch_session=" + operator.sessionId())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(bulk.headers().firstValue("Location")).hasValue("/dead-letters?replayed=2&skipped=0");
    }

    @Test
    void aViewersReplayIsRefused() throws Exception {
        long jobId = deadLetter("dl.five@acme.com", "msg_dl_5");
        Browser viewer = logIn("victor");

        HttpResponse<String> replay = viewer.postWithToken("/dead-letters", "/dead-letters/replay",
                Map.of("jobId", Long.toString(jobId)));

        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.body()).contains("needs the operator role");
        assertThat(viewer.get("/dead-letters").body()).contains("id=\"job-" + jobId + "\"");
    }

    @Test
    void theApiListsDeadLettersForAViewerAndReplaysForAnOperatorOnly() throws Exception {
        long jobId = deadLetter("dl.six@acme.com", "msg_dl_6");

        JsonNode list = JSON.readTree(server.get("/api/dead-letters").body());
        assertThat(list.get("deadLetters")).anySatisfy(d -> {
            assertThat(d.get("jobId").asLong()).isEqualTo(jobId);
            assertThat(d.get("error").asText()).contains("HTTP 503");
            assertThat(d.get("attempts").asInt()).isEqualTo(5);
        });

        assertThat(server.postApi("/api/dead-letters/" + jobId + "/replay", RunningOrchestrator.TOKEN, "")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> replayed = server.postApi("/api/dead-letters/" + jobId + "/replay",
                RunningOrchestrator.OPERATOR_TOKEN, "");
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replayed.body()).get("status").asText()).isEqualTo("ready");
        assertThat(server.postApi("/api/dead-letters/" + jobId + "/replay", RunningOrchestrator.OPERATOR_TOKEN, "")
                .statusCode()).isEqualTo(409);
    }

    private static Browser logIn(String user) {
        Browser browser = new Browser(server);
        browser.logIn(user, RunningOrchestrator.PASSWORD);
        return browser;
    }

    private static long deadLetter(String email, String messageId) throws Exception {
        return server.buryAsIfTheCrmFailed(processed(email, messageId));
    }

    private static String processed(String email, String messageId) throws Exception {
        String eventId = JSON.readTree(server.postSigned(messageId, PageFixtures.lead(email)).body())
                .get("eventId").asText();
        server.awaitGet("/api/events/" + eventId, r -> r.body().contains("\"done\""));
        return eventId;
    }
}
