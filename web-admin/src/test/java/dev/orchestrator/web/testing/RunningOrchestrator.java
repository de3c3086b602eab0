package dev.orchestrator.web.testing;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import dev.orchestrator.web.api.ApiAuth;
import dev.orchestrator.web.auth.AdminUser;
import dev.orchestrator.web.auth.PasswordHash;
import dev.orchestrator.web.boot.Orchestrator;
import dev.orchestrator.web.boot.Settings;
import dev.orchestrator.web.edge.SecuritySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole service on a random port over a fresh database, driven over HTTP like a sender and a user. */
public final class RunningOrchestrator implements AutoCloseable {
    public static final String SECRET = "whsec_dGVzdC1vbmx5LWZvcm0tc2VjcmV0LTEyMzQ1Ng==";
    public static final String TOKEN = "test-viewer-token";
    /** The HubSpot app's client secret the {@code hubspot} source verifies v3 signatures with. */
    public static final String HUBSPOT_SECRET = "test-hubspot-client-secret";
    public static final String OPERATOR_TOKEN = "test-operator-token";
    public static final String PASSWORD = "test-password-1234";
    /** Cheap hashes keep tests fast; configuration read from the environment refuses so few iterations. */
    private static final int TEST_ITERATIONS = 1_000;

    public static final String ADMIN_TOKEN = "test-admin-token";

    private final Orchestrator orchestrator;
    private final String jdbcUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningOrchestrator(Orchestrator orchestrator, String jdbcUrl) {
        this.orchestrator = orchestrator;
        this.jdbcUrl = jdbcUrl;
    }

    public static RunningOrchestrator start() {
        return start(SecuritySettings.defaults());
    }

    /** With the privacy and edge settings a test needs (allow-lists, rate limits, retention). */
    public static RunningOrchestrator start(SecuritySettings security) {
        return startOn(TestDatabase.freshUrl(), security, 2);
    }

    /** An instance with no workers: what it acknowledges waits in the queue for another instance's. */
    public static RunningOrchestrator intakeOnly() {
        return startOn(TestDatabase.freshUrl(), SecuritySettings.defaults(), 0);
    }

    /** A second instance on {@code other}'s database, as instances that scale out share one. */
    public static RunningOrchestrator alongside(RunningOrchestrator other) {
        return alongside(other, 2);
    }

    /** As {@link #alongside(RunningOrchestrator)}, with {@code workers} worker threads. */
    public static RunningOrchestrator alongside(RunningOrchestrator other, int workers) {
        return startOn(other.jdbcUrl, SecuritySettings.defaults(), workers);
    }

    private static RunningOrchestrator startOn(String url, SecuritySettings security, int workers) {
        Settings settings = new Settings(0, Path.of("target", "unused-data"), Optional.of(url),
                "sandbox", Map.of("form", List.of(SECRET), "activity", List.of(SECRET), "hubspot", List.of(HUBSPOT_SECRET)),
                Map.of(TOKEN, "viewer", OPERATOR_TOKEN, "operator", ADMIN_TOKEN, "admin"),
                Optional.empty(), workers, 8, false, List.of(user("admin", ApiAuth.Role.ADMIN),
                        user("olive", ApiAuth.Role.OPERATOR), user("victor", ApiAuth.Role.VIEWER)));
        return new RunningOrchestrator(Orchestrator.start(settings, security), url);
    }

    /** With the webhook sources a test needs beyond form and activity: source → secrets (two while one rotates). */
    public static RunningOrchestrator startWithSources(Map<String, List<String>> secrets) {
        String url = TestDatabase.freshUrl();
        Settings settings = new Settings(0, Path.of("target", "unused-data"), Optional.of(url), "sandbox", secrets,
                Map.of(TOKEN, "viewer", OPERATOR_TOKEN, "operator", ADMIN_TOKEN, "admin"),
                Optional.empty(), 2, 8, false, List.of(user("admin", ApiAuth.Role.ADMIN)));
        return new RunningOrchestrator(Orchestrator.start(settings, SecuritySettings.defaults()), url);
    }

    /** The database the server runs on, for tests that look at every table. */
    public String jdbcUrl() {
        return jdbcUrl;
    }


    private static AdminUser user(String name, ApiAuth.Role role) {
        return new AdminUser(name, role, PasswordHash.create(PASSWORD, new SecureRandom(), TEST_ITERATIONS));
    }

    /** Runs SQL on the server's database: for states a test cannot reach through the API (a CRM outage's dead letter). */
    public int sql(String statement, Object... parameters) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl);
                java.sql.PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            return prepared.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row a query answers, as text (null for SQL null); for checks on tables. */
    public String queryOne(String query, Object... parameters) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl);
                java.sql.PreparedStatement prepared = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet rs = prepared.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row: " + query);
                }
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Turns a processed event into a dead letter, as if the CRM had failed every attempt: answers the job id.
     */
    public long buryAsIfTheCrmFailed(String eventId) {
        sql("update raw_events set status = 'dead', last_error = 'gave up after 5 attempts: CrmFailure: HTTP 503'"
                + " where id = ?::uuid", eventId);
        sql("update jobs set status = 'dead', attempts = 5, last_error = 'gave up after 5 attempts: CrmFailure: HTTP 503"
                + " {\"status\":\"error\",\"message\":\"Service Unavailable\"}' where event_id = ?::uuid", eventId);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl);
                java.sql.PreparedStatement query = connection.prepareStatement(
                        "select id from jobs where event_id = ?::uuid")) {
            query.setString(1, eventId);
            try (java.sql.ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postApi(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Records a rule decision about a contact, as the rules engine does. */
    public void recordRuleDecision(String contactId, String eventId, String kind, String ruleId, String version,
            String summary, String evidenceJson) {
        sql("""
                insert into audit_events (id, at, kind, entity_type, entity_id, correlation_id, actor_type, actor_name,
                    summary, rule_id, ruleset_version, evidence)
                values (gen_random_uuid(), now(), ?, 'contact', ?, ?::uuid, 'rule', ?, ?, ?, ?, ?::json)""",
                kind, contactId, eventId, ruleId, summary, ruleId, version, evidenceJson);
    }

    public int port() {
        return orchestrator.port();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + orchestrator.port() + path);
    }

    public HttpResponse<String> postSigned(String source, String id, Instant at, byte[] body, String contentType) {
        String signature = StandardWebhooksScheme.sign(WebhookSecret.parse(SECRET), id, at.getEpochSecond(), body);
        return send(HttpRequest.newBuilder(uri("/webhooks/" + source))
                .header("Content-Type", contentType)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(at.getEpochSecond()))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> postSigned(String id, String json) {
        return postSigned("form", id, Instant.now(), json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET().build());
    }

    public HttpResponse<String> postAs(String token, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * GETs {@code path} until {@code until} holds (the background workers reaching a state: a wait for an outcome,
     * not a performance assertion); fails naming the path and the last answer after 30 s.
     */
    public HttpResponse<String> awaitGet(String path, java.util.function.Predicate<HttpResponse<String>> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = get(path);
        while (!until.test(response)) {
            if (System.nanoTime() >= deadline) {
                String body = response.body();
                throw new AssertionError("GET " + path + " did not answer as awaited within 30 s; last answer "
                        + response.statusCode() + ": " + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while awaiting GET " + path, e);
            }
            response = get(path);
        }
        return response;
    }

    @Override
    public void close() {
        orchestrator.close();
    }
}
