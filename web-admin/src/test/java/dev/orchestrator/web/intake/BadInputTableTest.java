package dev.orchestrator.web.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad and odd inputs sent over HTTP to a running server, each with the answer it must get. The same table is
 * written to {@code target/bad-inputs.md} (copied to docs/BAD-INPUTS.md). Afterwards the server still answers
 * and every acknowledged or signed-and-stored delivery is in the database.
 */
class BadInputTableTest {
    private static final String SECRET = RunningOrchestrator.SECRET;
    private static RunningOrchestrator server;
    private static final List<String> rows = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Path out = Path.of("target", "bad-inputs.md");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>(List.of("| # | input | answer |", "|---|---|---|"));
        lines.addAll(rows);
        Files.write(out, lines);
    }

    record Case(String name, int expected, Function<Long, HttpRequest> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        String lead = "{\"id\":\"f-1\",\"email\":\"odd@acme.com\",\"firstName\":\"Ana\",\"lastName\":\"Ruiz\",\"consent\":true}";
        cases.add(new Case("valid signed lead", 202, id -> signed(id, lead)));
        cases.add(new Case("no signature headers at all", 401, id -> base("/webhooks/form", lead, "application/json").build()));
        cases.add(new Case("signature of another body", 401, id -> signedWith(id, now(), lead, sign(id, now(), "{}"))));
        cases.add(new Case("signature with the wrong secret", 401, id -> signedWith(id, now(), lead,
                StandardWebhooksScheme.sign(WebhookSecret.parse("whsec_b3RoZXItc2VjcmV0LW5vdC1vdXJzLTEyMzQ="), idText(id), now(),
                        bytes(lead)))));
        cases.add(new Case("empty signature list", 401, id -> signedWith(id, now(), lead, "")));
        cases.add(new Case("garbage signature", 401, id -> signedWith(id, now(), lead, "v1,!!!notbase64")));
        cases.add(new Case("unknown signature version only", 401, id -> signedWith(id, now(), lead,
                sign(id, now(), lead).replace("v1,", "v2,"))));
        cases.add(new Case("valid signature among invalid ones", 202, id -> signedWith(id, now(), lead,
                "v1,AAAA v1a,BBBB " + sign(id, now(), lead))));
        cases.add(new Case("timestamp 301 s old", 401, id -> signedAt(id, now() - 301, lead)));
        cases.add(new Case("timestamp 301 s in the future", 401, id -> signedAt(id, now() + 301, lead)));
        cases.add(new Case("timestamp 200 s old (inside the window)", 202, id -> signedAt(id, now() - 200, lead)));
        cases.add(new Case("timestamp in milliseconds", 401, id -> signedAt(id, now() * 1000, lead)));
        cases.add(new Case("timestamp not a number", 401, id -> signedWith(id, "abc", lead, "v1,AAAA")));
        cases.add(new Case("unknown source", 404, id -> base("/webhooks/typeform", lead, "application/json").build()));
        cases.add(new Case("text/plain content type", 415, id -> signedTyped(id, lead, "text/plain")));
        cases.add(new Case("form-encoded content type", 415, id -> signedTyped(id, "email=a%40b.co",
                "application/x-www-form-urlencoded")));
        cases.add(new Case("application/json; charset=utf-8", 202, id -> signedTyped(id, lead, "application/json; charset=utf-8")));
        cases.add(new Case("application/vnd.api+json", 202, id -> signedTyped(id, lead, "application/vnd.api+json")));
        cases.add(new Case("malformed JSON (stored, dead-lettered)", 400, id -> signed(id, "{\"email\":")));
        cases.add(new Case("empty body (stored, dead-lettered)", 400, id -> signed(id, "")));
        cases.add(new Case("JSON null", 202, id -> signed(id, "null")));
        cases.add(new Case("JSON array root", 202, id -> signed(id, "[1,2,3]")));
        cases.add(new Case("duplicate keys", 400, id -> signed(id, "{\"email\":\"a@b.co\",\"email\":\"c@d.co\"}")));
        cases.add(new Case("\\u0000 in a string", 400, id -> signed(id, "{\"email\":\"a\\u0000@b.co\"}")));
        cases.add(new Case("lone surrogate", 400, id -> signed(id, "{\"firstName\":\"\\ud800\"}")));
        cases.add(new Case("number 1e999999", 400, id -> signed(id, "{\"budget\":1e999999}")));
        cases.add(new Case("UTF-8 byte-order mark", 400, id -> signedBytes(id, concat(new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF}, bytes(lead)))));
        cases.add(new Case("overlong UTF-8 C0 AF", 400, id -> signedBytes(id, new byte[] {'{', '"', 'a', '"', ':', '"',
                (byte) 0xC0, (byte) 0xAF, '"', '}'})));
        cases.add(new Case("invalid UTF-8 C3 28", 400, id -> signedBytes(id, new byte[] {'{', '"', 'a', '"', ':', '"',
                (byte) 0xC3, '(', '"', '}'})));
        cases.add(new Case("nesting depth 5,000", 400, id -> signed(id, "[".repeat(5000) + "]".repeat(5000))));
        cases.add(new Case("999,000-byte body", 202, id -> signed(id, "{\"pad\":\"" + "x".repeat(999_000) + "\"}")));
        cases.add(new Case("body over 1 MiB", 413, id -> signed(id, "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}")));
        cases.add(new Case("unicode names (ü, 中文, emoji)", 202, id -> signed(id,
                "{\"email\":\"zoe@acme.com\",\"firstName\":\"Zoë 中文 😀\",\"lastName\":\"Müller\",\"consent\":true}")));
        cases.add(new Case("email with surrounding spaces and capitals", 202, id -> signed(id,
                "{\"email\":\"  Mixed.Case@ACME.com \",\"consent\":true}")));
        cases.add(new Case("invalid email (accepted, goes to review)", 202, id -> signed(id, "{\"email\":\"not-an-email\"}")));
        cases.add(new Case("missing email (accepted, goes to review)", 202, id -> signed(id, "{\"firstName\":\"NoMail\"}")));
        cases.add(new Case("unparseable phone (accepted, phone left out)", 202, id -> signed(id,
                "{\"email\":\"phone@acme.com\",\"phone\":\"call me maybe\"}")));
        cases.add(new Case("consent as a string", 202, id -> signed(id, "{\"email\":\"s@acme.com\",\"consent\":\"true\"}")));
        cases.add(new Case("webhook-id containing dots", 202, id -> signed(id + ".with.dots", lead)));
        cases.add(new Case("very long webhook-id (500 chars)", 401, id -> signed("x".repeat(500), lead)));
        cases.add(new Case("GET on the webhook path", 404, id -> HttpRequest.newBuilder(server.uri("/webhooks/form")).GET().build()));
        cases.add(new Case("HTML in fields (stored as data, escaped on pages)", 202, id -> signed(id,
                "{\"email\":\"html@acme.com\",\"firstName\":\"<script>alert(1)</script>\"}")));
        cases.add(new Case("SQL in fields (bound as data)", 202, id -> signed(id,
                "{\"email\":\"sql@acme.com\",\"lastName\":\"Robert'); DROP TABLE contacts;--\"}")));
        return cases.stream().map(c -> Arguments.of(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachOddInputGetsItsAnswer(Case c) {
        HttpResponse<String> response = server.send(c.request().apply((long) c.name().hashCode()));
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        synchronized (rows) {
            rows.add("| " + (rows.size() + 1) + " | " + c.name().replace("|", "\\|") + " | " + response.statusCode()
                    + (contentType.startsWith("application/problem+json") ? " problem+json" : "") + " |");
        }
        assertThat(response.statusCode()).as(c.name() + ": " + response.body()).isEqualTo(c.expected());
        if (c.expected() >= 400) {
            assertThat(contentType).startsWith("application/problem+json");
        }
    }

    @Test
    void afterAllOfThemTheServerStillAnswers() {
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    // Builders: each case signs with an id of its own, so no two cases collide as duplicates.
    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String sign(Object id, long ts, String body) {
        return StandardWebhooksScheme.sign(WebhookSecret.parse(SECRET), idText(id), ts, bytes(body));
    }

    private static String idText(Object id) {
        return id instanceof Long l ? "msg_case_" + Long.toHexString(l) : id.toString();
    }

    private static HttpRequest signed(Object id, String body) {
        return signedAt(id, now(), body);
    }

    private static HttpRequest signedAt(Object id, long ts, String body) {
        return signedWith(id, Long.toString(ts), body, sign(id, ts, body));
    }

    private static HttpRequest signedWith(Object id, long ts, String body, String signature) {
        return signedWith(id, Long.toString(ts), body, signature);
    }

    private static HttpRequest signedWith(Object id, String ts, String body, String signature) {
        return base("/webhooks/form", body, "application/json").header("webhook-id", idText(id))
                .header("webhook-timestamp", ts).header("webhook-signature", signature).build();
    }

    private static HttpRequest signedTyped(Object id, String body, String contentType) {
        long ts = now();
        return base("/webhooks/form", body, contentType).header("webhook-id", idText(id))
                .header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", sign(id, ts, body)).build();
    }

    private static HttpRequest signedBytes(Object id, byte[] body) {
        long ts = now();
        return HttpRequest.newBuilder(server.uri("/webhooks/form")).header("Content-Type", "application/json")
                .header("webhook-id", idText(id)).header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", StandardWebhooksScheme.sign(WebhookSecret.parse(SECRET), idText(id), ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static HttpRequest.Builder base(String path, String body, String contentType) {
        return HttpRequest.newBuilder(server.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
