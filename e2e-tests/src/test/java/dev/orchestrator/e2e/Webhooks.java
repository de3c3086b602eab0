package dev.orchestrator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/** A webhook sender: signs form leads with the development secret and delivers them as a provider would. */
final class Webhooks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A form lead whose company is the domain of its email. */
    static byte[] formLead(String id, String email, String company) {
        return ("{\"id\":\"" + id + "\",\"email\":\"" + email + "\",\"firstName\":\"Crash\",\"lastName\":\"Test\","
                + "\"company\":\"" + company + "\",\"consent\":true}").getBytes(StandardCharsets.UTF_8);
    }

    /** Distinct, unrelated names (random letters from a fixed seed), so no two companies look alike to the matcher. */
    static List<String> companyNames(int count) {
        Random random = new Random(8);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            names.add(name.toString());
        }
        return List.copyOf(names);
    }

    HttpResponse<String> post(URI server, String id, byte[] body) throws IOException, InterruptedException {
        long ts = Instant.now().getEpochSecond();
        return http.send(HttpRequest.newBuilder(server.resolve("/webhooks/form"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", StandardWebhooksScheme.sign(WebhookSecret.parse(ServerProcess.DEV_SECRET),
                        id, ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Delivers until a 2xx comes back, as providers do (they retry on errors and timeouts); answers the
     * acknowledgement. Gives up after {@code patience}.
     */
    Ack deliver(URI server, String id, byte[] body, Duration patience) {
        return deliver(() -> server, id, body, patience);
    }

    /** As above, asking {@code server} before every attempt: a restarted server listens on a new port. */
    Ack deliver(Supplier<URI> server, String id, byte[] body, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                HttpResponse<String> response = post(server.get(), id, body);
                if (response.statusCode() / 100 == 2) {
                    JsonNode ack = JSON.readTree(response.body());
                    return new Ack(ack.get("eventId").asText(), ack.get("duplicate").asBoolean(), attempts);
                }
            } catch (IOException e) {
                // connection refused or reset: the sender tries again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("delivery " + id + " not acknowledged after " + attempts + " attempts");
            }
            ServerProcess.sleep(200);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Ack(String eventId, boolean duplicate, int attempts) {
    }
}
