package dev.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action layer driven from outside: the real server process, a ruleset whose MQL transition posts to Slack
 * and creates a CRM task, and a local Slack-like server that fails on cue. A flaky Slack yields exactly one
 * message; a Slack that keeps failing leaves a dead letter that a replay through the API delivers once fixed;
 * an invalid token alerts at once and makes {@code /health} degraded. One server process serves both scenarios
 * (four attempts, backoff from 100 ms), so the suite pays for one start-up.
 */
class ActionsEndToEndTest {
    private static final int MAX_ATTEMPTS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULESET = """
            label: "e2e actions"
            lifecycle:
              - id: mql-on-form
                from: [lead]
                to: mql
                all: [ "signal form_submitted within 30d" ]
            actions:
              - id: mql-handoff
                on: { to: mql }
                do: [ { slack: "#sales-alerts", template: mql-handoff }, { crm_task: "Call within 1 business day" } ]
            """;
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    @TempDir
    static Path config;

    private static SlackLikeServer slack;
    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackLikeServer(0, 200, "ok");
        server = ServerProcess.start(dataDir, env(slack));
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) {
                server.close();
            }
            if (slack != null) {
                slack.close();
            }
        } finally {
            ServerProcess.stopLeftoverPostgres(dataDir);
        }
    }

    @Test
    void aSlackThatFailsThreeTimesThenAcceptsShowsExactlyOneMessage() {
        slack.reset(3, 500, "rollup_error");
        String contactId = contactOf(server, postLead(server, "msg_flaky_slack", "flaky@acme.com"));

        await(() -> kinds(server, contactId).contains("action-sent") && countOf(server, contactId, "action-sent") == 2);
        ServerProcess.sleep(1_000); // a duplicate would have been posted by now

        assertThat(slack.accepted()).hasSize(1);
        assertThat(slack.posts()).isEqualTo(4);
        assertThat(slack.accepted().get(0)).contains("is now mql").contains("\"blocks\"")
                .contains("https://orch.example/contacts/" + contactId);
        assertThat(countOf(server, contactId, "action-failed")).isEqualTo(3);
        assertThat(summaries(server, contactId, "action-sent")).anySatisfy(s -> assertThat(s).startsWith("crm_task"));
    }

    @Test
    void aDeadLetterReplayedThroughTheApiAfterTheFaultIsFixedIsDeliveredOnce() {
        slack.reset(Integer.MAX_VALUE, 500, "rollup_error");
        String contactId = contactOf(server, postLead(server, "msg_dead_slack", "dead@acme.com"));
        await(() -> deadLetters(server).size() == 1);
        long jobId = deadLetters(server).get(0).get("jobId").asLong();
        JsonNode detail = get(server, "/api/dead-letters/" + jobId);
        assertThat(detail.get("kind").asText()).isEqualTo("run-action");
        assertThat(detail.get("attempts")).hasSize(MAX_ATTEMPTS);
        assertThat(detail.get("deadLetter").get("error").asText()).contains("500").contains("rollup_error");
        assertThat(detail.get("trace").toString()).contains("transitioned");

        // An invalid token is an operator's problem: alerted on the first refusal, /health degraded at once.
        slack.breakWith(403, "invalid_token");
        int postsBefore = slack.posts();
        postLead(server, "msg_token_slack", "token@acme.com");
        await(() -> "degraded".equals(health(server).get("status").asText()));
        assertThat(slack.posts() - postsBefore).as("one refusal, no retries").isEqualTo(1);
        assertThat(health(server).get("alerts").get("open").get(0).get("channel").asText()).isEqualTo("slack");

        slack.fix();
        JsonNode replayed = post(server, "/api/dead-letters/replay", "{\"errorClass\":\"slack:500\"}");
        JsonNode rerun = post(server, "/api/dead-letters/replay", "{\"errorClass\":\"slack:500\"}");
        JsonNode replayedAlert = post(server, "/api/dead-letters/replay",
                "{\"from\":\"" + Instant.now().minusSeconds(600) + "\"}");

        assertThat(replayed.get("count").asInt()).isEqualTo(1);
        assertThat(rerun.get("count").asInt()).as("a second run finds nothing dead").isZero();
        assertThat(replayedAlert.get("count").asInt()).isEqualTo(1);
        await(() -> slack.accepted().size() == 2 && deadLetters(server).isEmpty());
        await(() -> "up".equals(health(server).get("status").asText()));
        ServerProcess.sleep(1_000);
        assertThat(slack.accepted()).hasSize(2);
        assertThat(slack.accepted()).anySatisfy(m -> assertThat(m).contains("dead@acme.com"))
                .anySatisfy(m -> assertThat(m).contains("token@acme.com"));
        assertThat(countOf(server, contactId, "action-sent")).isEqualTo(2);
    }

    private static Map<String, String> env(SlackLikeServer slack) throws Exception {
        Path ruleset = config.resolve("ruleset.yaml");
        Files.writeString(ruleset, RULESET);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RULESET_PATH", ruleset.toString());
        env.put("SLACK_WEBHOOK_URL", slack.url());
        env.put("OUTBOUND_ALLOWED_HOSTS", "localhost");
        env.put("PUBLIC_BASE_URL", "https://orch.example");
        env.put("JOB_MAX_ATTEMPTS", Integer.toString(MAX_ATTEMPTS));
        env.put("JOB_BACKOFF_BASE_MS", "100");
        env.put("JOB_BACKOFF_CAP_MS", "400");
        return env;
    }

    private String postLead(ServerProcess server, String id, String email) {
        byte[] body = ("{\"id\":\"" + id + "\",\"email\":\"" + email + "\",\"firstName\":\"Ada\",\"lastName\":\"Test\","
                + "\"company\":\"Acme\",\"website\":\"acme.com\",\"country\":\"US\",\"consent\":true}")
                .getBytes(StandardCharsets.UTF_8);
        long ts = Instant.now().getEpochSecond();
        HttpResponse<String> ack = send(HttpRequest.newBuilder(server.uri("/webhooks/form"))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", StandardWebhooksScheme.sign(WebhookSecret.parse(ServerProcess.DEV_SECRET),
                        id, ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(ack.statusCode()).isEqualTo(202);
        return email;
    }

    private String contactOf(ServerProcess server, String email) {
        String[] id = new String[1];
        await(() -> {
            HttpResponse<String> found = send(server, HttpRequest.newBuilder(server.uri("/api/contacts?email=" + email)));
            if (found.statusCode() != 200) {
                return false;
            }
            id[0] = read(found.body()).get("id").asText();
            return true;
        });
        return id[0];
    }

    private List<String> kinds(ServerProcess server, String contactId) {
        List<String> kinds = new ArrayList<>();
        get(server, "/api/contacts/" + contactId + "/timeline").get("events").forEach(e -> kinds.add(e.get("kind").asText()));
        return kinds;
    }

    private long countOf(ServerProcess server, String contactId, String kind) {
        return kinds(server, contactId).stream().filter(kind::equals).count();
    }

    private List<String> summaries(ServerProcess server, String contactId, String kind) {
        List<String> summaries = new ArrayList<>();
        get(server, "/api/contacts/" + contactId + "/timeline").get("events").forEach(e -> {
            if (e.get("kind").asText().equals(kind)) {
                summaries.add(e.get("summary").asText());
            }
        });
        return summaries;
    }

    private List<JsonNode> deadLetters(ServerProcess server) {
        List<JsonNode> letters = new ArrayList<>();
        get(server, "/api/dead-letters").get("deadLetters").forEach(letters::add);
        return letters;
    }

    private JsonNode health(ServerProcess server) {
        return read(send(server, HttpRequest.newBuilder(server.uri("/health"))).body());
    }

    private JsonNode get(ServerProcess server, String path) {
        HttpResponse<String> response = send(server, HttpRequest.newBuilder(server.uri(path)));
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return read(response.body());
    }

    private JsonNode post(ServerProcess server, String path, String body) {
        HttpResponse<String> response = send(server, HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
        return read(response.body());
    }

    private HttpResponse<String> send(ServerProcess server, HttpRequest.Builder request) {
        return send(request.header("Authorization", "Bearer " + ServerProcess.DEV_TOKEN));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            ServerProcess.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 30 s").isTrue();
    }
}
