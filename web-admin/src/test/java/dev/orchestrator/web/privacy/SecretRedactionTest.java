package dev.orchestrator.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Secrets never appear in a log line, a page, an API answer, a problem or {@code /health}: the server runs with
 * known secrets, is driven through successes and failures, and everything it said is searched for them.
 */
class SecretRedactionTest {
    private static final String WEBHOOK_KEY = new String(Base64.getDecoder().decode(
            RunningOrchestrator.SECRET.substring("whsec_".length())), StandardCharsets.UTF_8);
    private static final List<String> SECRETS = List.of(RunningOrchestrator.SECRET,
            RunningOrchestrator.SECRET.substring("whsec_".length()), WEBHOOK_KEY, RunningOrchestrator.TOKEN,
            RunningOrchestrator.ADMIN_TOKEN);

    private final List<String> logged = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected synchronized void append(ILoggingEvent event) {
            // the raw message and stack trace, before any redaction: no code path may log a secret at all
            logged.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                logged.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
    };
    private RunningOrchestrator server;

    @BeforeEach
    void start() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
        server = RunningOrchestrator.start();
    }

    @AfterEach
    void stop() {
        server.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(capture);
    }

    @Test
    void no_secret_appears_in_any_answer_or_log_line_through_successes_and_failures() {
        List<HttpResponse<String>> answers = new ArrayList<>();
        HttpResponse<String> accepted = server.postSigned("msg_secret_1", "{\"email\":\"secret.test@example.com\"}");
        answers.add(accepted);
        answers.add(server.send(HttpRequest.newBuilder(server.uri("/webhooks/form"))
                .header("Content-Type", "application/json").header("webhook-id", "msg_secret_2")
                .header("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("webhook-signature", "v1,bm90LXRoZS1yaWdodC1zaWduYXR1cmU=")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
        answers.add(server.postSigned("form", "msg_secret_3", Instant.now(),
                "{\"email\": ".getBytes(StandardCharsets.UTF_8), "application/json"));
        answers.add(server.postSigned("nosuchsource", "msg_secret_4", Instant.now(),
                "{}".getBytes(StandardCharsets.UTF_8), "application/json"));
        answers.add(withToken(RunningOrchestrator.ADMIN_TOKEN + "x", "/api/events"));
        answers.add(withToken(RunningOrchestrator.TOKEN, "/api/events"));
        answers.add(server.postAs(RunningOrchestrator.TOKEN, "/api/contacts/00000000-0000-0000-0000-000000000001/forget"));
        answers.add(withToken(RunningOrchestrator.ADMIN_TOKEN, "/api/events/not-a-uuid"));
        answers.add(withToken(RunningOrchestrator.ADMIN_TOKEN, "/no-such-page"));
        answers.add(server.get("/health"));
        answers.add(server.get("/metrics"));
        answers.add(server.get("/events"));
        String eventId = accepted.body().replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");
        // a lead of an email alone ends in review: wait for the decision, whatever it is
        answers.add(server.awaitGet("/api/events/" + eventId,
                r -> r.body().contains("\"status\":\"done\"") || r.body().contains("\"status\":\"review\"")));

        assertThat(answers).extracting(HttpResponse::statusCode)
                // pages are behind login: an unknown page and /events send a visitor to the login form
                .containsExactly(202, 401, 400, 404, 401, 200, 403, 400, 302, 200, 200, 302, 200);
        for (HttpResponse<String> answer : answers) {
            String everything = answer.headers().map() + "\n" + answer.body();
            for (String secret : SECRETS) {
                assertThat(everything).as(answer.request().uri() + " answered a secret").doesNotContain(secret);
            }
        }
        assertThat(logged).as("the server logged something while being driven").isNotEmpty();
        for (String line : logged) {
            for (String secret : SECRETS) {
                assertThat(line).as("a log line holds a secret").doesNotContain(secret);
            }
        }
    }

    @Test
    void credentials_a_sender_adds_to_a_webhook_are_not_stored_or_shown_with_the_raw_event() {
        byte[] body = "{\"email\":\"creds@example.com\"}".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.now();
        HttpResponse<String> accepted = server.send(HttpRequest.newBuilder(server.uri("/webhooks/form"))
                .header("Content-Type", "application/json").header("webhook-id", "msg_creds_1")
                .header("webhook-timestamp", Long.toString(at.getEpochSecond()))
                .header("webhook-signature", dev.orchestrator.application.intake.StandardWebhooksScheme.sign(
                        dev.orchestrator.application.intake.WebhookSecret.parse(RunningOrchestrator.SECRET),
                        "msg_creds_1", at.getEpochSecond(), body))
                .header("Authorization", "Bearer senders-own-token-1234")
                .header("Cookie", "session=senders-session-5678")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        String eventId = accepted.body().replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");

        String shown = server.get("/api/events/" + eventId).body() + server.get("/events").body();

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(shown).doesNotContain("senders-own-token-1234").doesNotContain("senders-session-5678");
        var scan = new dev.orchestrator.web.testing.DatabaseScan(server.jdbcUrl());
        assertThat(scan.find(List.of("msg_creds_1"))).as("the delivery's other headers are stored")
                .anyMatch(hit -> hit.startsWith("public.raw_events.headers"));
        assertThat(scan.find(List.of("senders-own-token-1234", "senders-session-5678"))).isEmpty();
    }

    @Test
    void a_secret_that_reaches_a_log_line_anyway_is_masked_by_the_log_pattern() {
        Redaction.register(List.of("s3cr3t-value-for-the-test"));
        Redaction.registerEnvironment(Map.of("CLEARBIT_KEY", "sk_live_abcdefgh12345678",
                "DATABASE_URL", "postgres://orch:db-pass-w0rd-123@db:5432/orch"));
        PatternLayout layout = new PatternLayout();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("redactedMsg", RedactingMessageConverter::new);
        layout.getInstanceConverterMap().put("redactedEx", RedactingThrowableConverter::new);
        layout.setPattern("%redactedMsg%n%redactedEx");
        layout.start();
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("test"),
                ch.qos.logback.classic.Level.ERROR, "calling with {} and {} failed, Authorization: Bearer abcdefghijkl",
                new IllegalStateException("connect to postgres://orch:db-pass-w0rd-123@db:5432 with sk_live_abcdefgh12345678"),
                new Object[] {"s3cr3t-value-for-the-test", "sk_live_abcdefgh12345678"});

        String line = layout.doLayout(event);

        assertThat(line).doesNotContain("s3cr3t-value-for-the-test").doesNotContain("sk_live_abcdefgh12345678")
                .doesNotContain("db-pass-w0rd-123").doesNotContain("abcdefghijkl").contains("***")
                .contains("IllegalStateException");
    }

    private HttpResponse<String> withToken(String token, String path) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token)
                .GET().build());
    }
}
