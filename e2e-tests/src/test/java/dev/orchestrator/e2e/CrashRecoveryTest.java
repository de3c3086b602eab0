package dev.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every acknowledged webhook survives a {@code kill -9} of the server: the restart finds zonky's orphaned
 * postgres still holding the data directory, stops it and comes up on the same data.
 */
class CrashRecoveryTest {
    private static final int EVENTS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Webhooks webhooks = new Webhooks();

    @TempDir
    Path dataDir;

    @AfterEach
    void cleanUp() {
        ServerProcess.stopLeftoverPostgres(dataDir);
    }

    @Test
    void everyAcknowledgedEventIsThereAfterAKill9AndARestartOnTheSameData() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        try (ServerProcess first = ServerProcess.start(dataDir, Map.of())) {
            for (int i = 0; i < EVENTS; i++) {
                HttpResponse<String> ack = postLead(first, "msg_crash_" + i, "crash" + i + "@acme.com");
                assertThat(ack.statusCode()).isEqualTo(202);
                acknowledged.add(JSON.readTree(ack.body()).get("eventId").asText());
            }
            first.kill9();
        }
        assertThat(Files.exists(dataDir.resolve("pg").resolve("postmaster.pid")))
                .as("the killed server's postgres is left running, holding postmaster.pid").isTrue();

        try (ServerProcess second = ServerProcess.start(dataDir, Map.of())) {
            for (String eventId : acknowledged) {
                HttpResponse<String> event = get(second, "/api/events/" + eventId);
                assertThat(event.statusCode()).as("event %s after the restart", eventId).isEqualTo(200);
            }
            assertThat(second.output()).anySatisfy(line -> assertThat(line).contains("orphaned embedded PostgreSQL"));
        }
    }

    @Test
    void aRedeliveryAfterTheRestartIsRecognisedAsADuplicate() throws Exception {
        String eventId;
        try (ServerProcess first = ServerProcess.start(dataDir, Map.of())) {
            eventId = JSON.readTree(postLead(first, "msg_redeliver", "again@acme.com").body()).get("eventId").asText();
            first.kill9();
        }
        try (ServerProcess second = ServerProcess.start(dataDir, Map.of())) {
            HttpResponse<String> again = postLead(second, "msg_redeliver", "again@acme.com");

            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(again.body()).get("eventId").asText()).isEqualTo(eventId);
            assertThat(JSON.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
        }
    }

    private HttpResponse<String> postLead(ServerProcess server, String id, String email) throws Exception {
        return webhooks.post(server.uri("/"), id, Webhooks.formLead(id, email, "Acme"));
    }

    private HttpResponse<String> get(ServerProcess server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + ServerProcess.DEV_TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
