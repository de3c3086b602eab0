package dev.orchestrator.web.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.intake.GitHubScheme;
import dev.orchestrator.application.intake.HubSpotV3Scheme;
import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.StripeScheme;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad and odd inputs sent over HTTP to a running server, each with the answer it must get and, for everything the
 * server acknowledged (202) or stored (400), the state the event must end in: done, review or dead, never lost,
 * never stuck. The same table is written to {@code target/bad-inputs.md} (copied to docs/BAD-INPUTS.md).
 * Sources: form and activity (Standard Webhooks), calendar (Standard Webhooks, two secrets mid-rotation), stripe
 * (Stripe-style, two secrets), hubspot (HubSpot v3) and github (GitHub-style).
 */
class BadInputTableTest {
    private static final String SECRET = RunningOrchestrator.SECRET;
    private static final String NEW_SECRET = "whsec_bmV3LXJvdGF0ZWQtc2VjcmV0LWZvci10ZXN0cw==";
    private static final String RETIRED_SECRET = "whsec_cmV0aXJlZC1zZWNyZXQtbm8tbG9uZ2VyLXVzZWQ=";
    private static final String HUBSPOT_SECRET = "hubspot-client-secret-for-tests";
    private static final String GITHUB_SECRET = "github-webhook-secret-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STORED = Pattern.compile("stored as event ([0-9a-f-]{36})");
    private static RunningOrchestrator server;
    private static final List<String> rows = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.startWithSources(Map.of("form", List.of(SECRET), "activity", List.of(SECRET),
                "calendar", List.of(NEW_SECRET, SECRET), "stripe", List.of(NEW_SECRET, SECRET),
                "hubspot", List.of(HUBSPOT_SECRET), "github", List.of(GITHUB_SECRET)));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Path out = Path.of("target", "bad-inputs.md");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>(List.of("| # | input | answer | then | test |", "|---|---|---|---|---|"));
        lines.addAll(rows);
        Files.write(out, lines);
    }

    /**
     * One input: the HTTP answer it must get, the state its event must end in ("—" when nothing is stored),
     * whether it must be acknowledged as a duplicate, and an optional earlier delivery it is a replay of.
     */
    record Case(String name, int expected, String then, boolean duplicate, Optional<Function<String, HttpRequest>> earlier,
            Function<String, HttpRequest> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, int expected, String then, Function<String, HttpRequest> request) {
        return new Case(name, expected, then, false, Optional.empty(), request);
    }

    private static Case replay(String name, int expected, String then, Function<String, HttpRequest> earlier,
            Function<String, HttpRequest> request) {
        return new Case(name, expected, then, expected == 202, Optional.of(earlier), request);
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        String lead = lead("odd", "");
        // Standard Webhooks (form)
        cases.add(c("valid signed lead", 202, "done", id -> signed(id, lead)));
        cases.add(c("no signature headers at all", 401, "—", id -> base("/webhooks/form", lead, "application/json").build()));
        cases.add(c("signature of another body", 401, "—", id -> signedWith(id, now(), lead, sign(id, now(), "{}"))));
        cases.add(c("signature with the wrong secret", 401, "—", id -> signedWith(id, now(), lead,
                StandardWebhooksScheme.sign(WebhookSecret.parse(RETIRED_SECRET), id, now(), bytes(lead)))));
        cases.add(c("empty signature list", 401, "—", id -> signedWith(id, now(), lead, "")));
        cases.add(c("garbage signature", 401, "—", id -> signedWith(id, now(), lead, "v1,!!!notbase64")));
        cases.add(c("unknown signature version only", 401, "—", id -> signedWith(id, now(), lead,
                sign(id, now(), lead).replace("v1,", "v2,"))));
        cases.add(c("valid signature among invalid ones", 202, "done", id -> signedWith(id, now(), lead,
                "v1,AAAA v1a,BBBB " + sign(id, now(), lead))));
        cases.add(c("timestamp 301 s old", 401, "—", id -> signedAt(id, now() - 301, lead)));
        cases.add(c("timestamp 301 s in the future", 401, "—", id -> signedAt(id, now() + 301, lead)));
        cases.add(c("timestamp 200 s old (inside the window)", 202, "done", id -> signedAt(id, now() - 200, lead)));
        cases.add(c("timestamp in milliseconds", 401, "—", id -> signedAt(id, now() * 1000, lead)));
        cases.add(c("timestamp not a number", 401, "—", id -> signedWith(id, "abc", lead, "v1,AAAA")));
        cases.add(replay("replayed delivery (same webhook-id again)", 202, "done", id -> signed(id, lead),
                id -> signed(id, lead)));
        cases.add(replay("same webhook-id with another body (the first delivery wins)", 202, "done",
                id -> signed(id, lead), id -> signed(id, lead("other", ""))));
        cases.add(c("captured delivery replayed 10 minutes later", 401, "—", id -> signedAt(id, now() - 600, lead)));
        // Standard Webhooks with two secrets (calendar, mid-rotation)
        String booking = "{\"id\":\"bk-1\",\"type\":\"meeting.booked\",\"bookedAt\":\"" + Instant.now().minusSeconds(60)
                + "\",\"invitee\":{\"email\":\"booker@acme.com\"}}";
        cases.add(c("calendar booking signed with the new secret", 202, "done", id -> std("calendar", NEW_SECRET, id, booking)));
        cases.add(c("calendar booking signed with the old secret while rotating", 202, "done",
                id -> std("calendar", SECRET, id, booking)));
        cases.add(c("calendar booking signed with a retired secret", 401, "—", id -> std("calendar", RETIRED_SECRET, id, booking)));
        cases.add(c("old and new signatures side by side", 202, "done", id -> {
            long ts = now();
            return stdWith("calendar", id, ts, booking,
                    stdSign(RETIRED_SECRET, id, ts, booking) + " " + stdSign(NEW_SECRET, id, ts, booking));
        }));
        cases.add(c("calendar meeting.cancelled (skipped by the field map)", 202, "done", id -> std("calendar", SECRET, id,
                "{\"id\":\"bk-2\",\"type\":\"meeting.cancelled\"}")));
        cases.add(c("calendar booking with an object where the email belongs", 202, "review", id -> std("calendar",
                SECRET, id, "{\"id\":\"bk-3\",\"type\":\"meeting.booked\",\"bookedAt\":\"" + Instant.now()
                        + "\",\"invitee\":{\"email\":{\"primary\":\"x@acme.com\"}}}")));
        // Stripe-style
        cases.add(c("Stripe payment correctly signed", 202, "done", id -> stripe(stripePayment(id, "payer@acme.com"),
                StripeScheme.sign(NEW_SECRET, now(), bytes(stripePayment(id, "payer@acme.com"))))));
        cases.add(c("Stripe signature keyed with the decoded secret (Standard Webhooks' way)", 401, "—", id -> {
            String body = stripePayment(id, "payer@acme.com");
            return stripe(body, "t=" + now() + ",v1=" + java.util.HexFormat.of().formatHex(hmac(
                    Base64.getDecoder().decode(NEW_SECRET.substring(6)), now() + "." + body)));
        }));
        cases.add(c("Stripe header without v1", 401, "—", id -> stripe(stripePayment(id, "p@acme.com"), "t=" + now())));
        cases.add(c("Stripe t= 301 s old", 401, "—", id -> stripe(stripePayment(id, "p@acme.com"),
                StripeScheme.sign(NEW_SECRET, now() - 301, bytes(stripePayment(id, "p@acme.com"))))));
        cases.add(c("Stripe signature of another body", 401, "—", id -> stripe(stripePayment(id, "p@acme.com"),
                StripeScheme.sign(NEW_SECRET, now(), bytes("{}")))));
        cases.add(c("Stripe several v1, one valid", 202, "done", id -> {
            String body = stripePayment(id, "multi@acme.com");
            return stripe(body, StripeScheme.sign(NEW_SECRET, now(), bytes(body)).replace(",v1=", ",v1=00ff,v1="));
        }));
        cases.add(c("Stripe signed with the previous secret during rotation", 202, "done", id -> {
            String body = stripePayment(id, "rotated@acme.com");
            return stripe(body, StripeScheme.sign(SECRET, now(), bytes(body)));
        }));
        cases.add(replay("Stripe redelivery of the same event", 202, "done",
                id -> stripe(stripePayment(id, "again@acme.com"), StripeScheme.sign(NEW_SECRET, now(),
                        bytes(stripePayment(id, "again@acme.com")))),
                id -> stripe(stripePayment(id, "again@acme.com"), StripeScheme.sign(NEW_SECRET, now(),
                        bytes(stripePayment(id, "again@acme.com"))))));
        cases.add(c("Stripe customer.created (not a payment: skipped)", 202, "done", id -> {
            String body = "{\"id\":\"evt_" + id + "\",\"type\":\"customer.created\",\"created\":" + now() + "}";
            return stripe(body, StripeScheme.sign(NEW_SECRET, now(), bytes(body)));
        }));
        cases.add(c("Stripe payment without any email", 202, "review", id -> {
            String body = stripePayment(id, "").replace("\"receipt_email\":\"\",", "");
            return stripe(body, StripeScheme.sign(NEW_SECRET, now(), bytes(body)));
        }));
        cases.add(c("Stripe without a Stripe-Signature header", 401, "—", id -> base("/webhooks/stripe",
                stripePayment(id, "p@acme.com"), "application/json").build()));
        // HubSpot v3
        String hubspot = "[{\"eventId\":1,\"subscriptionType\":\"contact.propertyChange\",\"objectId\":1}]";
        cases.add(c("HubSpot v3 headers missing", 401, "—", id -> base("/webhooks/hubspot", hubspot, "application/json").build()));
        cases.add(c("HubSpot timestamp in seconds, not milliseconds", 401, "—", id -> hubSpot(hubspot, now(),
                HubSpotV3Scheme.sign(HUBSPOT_SECRET, "POST", hubSpotUri(), bytes(hubspot), now()))));
        cases.add(c("HubSpot signature over another URI", 401, "—", id -> hubSpot(hubspot, nowMillis(),
                HubSpotV3Scheme.sign(HUBSPOT_SECRET, "POST", "https://evil.example/webhooks/hubspot", bytes(hubspot),
                        nowMillis()))));
        cases.add(c("HubSpot signature of another body", 401, "—", id -> hubSpot(hubspot, nowMillis(),
                HubSpotV3Scheme.sign(HUBSPOT_SECRET, "POST", hubSpotUri(), bytes("[]"), nowMillis()))));
        cases.add(c("HubSpot signature not base64", 401, "—", id -> hubSpot(hubspot, nowMillis(), "***")));
        // GitHub-style
        String push = "{\"action\":\"opened\"}";
        cases.add(c("GitHub signature with the wrong secret", 401, "—", id -> gitHub(push, id,
                GitHubScheme.sign("not-the-secret", bytes(push)))));
        cases.add(c("GitHub signature without sha256=", 401, "—", id -> gitHub(push, id,
                GitHubScheme.sign(GITHUB_SECRET, bytes(push)).substring(7))));
        cases.add(c("GitHub delivery id missing", 401, "—", id -> gitHub(push, "", GitHubScheme.sign(GITHUB_SECRET,
                bytes(push)))));
        // Routing and content type
        cases.add(c("unknown source", 404, "—", id -> base("/webhooks/typeform", lead, "application/json").build()));
        cases.add(c("text/plain content type", 415, "—", id -> signedTyped(id, lead, "text/plain")));
        cases.add(c("form-encoded content type", 415, "—", id -> signedTyped(id, "email=a%40b.co",
                "application/x-www-form-urlencoded")));
        cases.add(c("application/json; charset=utf-8", 202, "done", id -> signedTyped(id, lead, "application/json; charset=utf-8")));
        cases.add(c("application/vnd.api+json", 202, "done", id -> signedTyped(id, lead, "application/vnd.api+json")));
        cases.add(c("GET on the webhook path", 404, "—", id -> HttpRequest.newBuilder(server.uri("/webhooks/form")).GET().build()));
        // Bodies that do not parse: stored as evidence, dead-lettered at once
        cases.add(c("malformed JSON", 400, "dead", id -> signed(id, "{\"email\":")));
        cases.add(c("empty body", 400, "dead", id -> signed(id, "")));
        cases.add(c("JSON null", 202, "dead", id -> signed(id, "null")));
        cases.add(c("JSON array root", 202, "dead", id -> signed(id, "[1,2,3]")));
        cases.add(c("duplicate keys", 400, "dead", id -> signed(id, "{\"email\":\"a@b.co\",\"email\":\"c@d.co\"}")));
        cases.add(c("\\u0000 in a string", 400, "dead", id -> signed(id, "{\"email\":\"a\\u0000@b.co\"}")));
        cases.add(c("lone surrogate", 400, "dead", id -> signed(id, "{\"firstName\":\"\\ud800\"}")));
        cases.add(c("number 1e999999", 400, "dead", id -> signed(id, "{\"budget\":1e999999}")));
        cases.add(c("UTF-8 byte-order mark", 400, "dead", id -> signedBytes(id, concat(new byte[] {(byte) 0xEF,
            (byte) 0xBB, (byte) 0xBF}, bytes(lead)))));
        cases.add(c("overlong UTF-8 C0 AF", 400, "dead", id -> signedBytes(id, new byte[] {'{', '"', 'a', '"', ':', '"',
            (byte) 0xC0, (byte) 0xAF, '"', '}'})));
        cases.add(c("invalid UTF-8 C3 28", 400, "dead", id -> signedBytes(id, new byte[] {'{', '"', 'a', '"', ':', '"',
            (byte) 0xC3, '(', '"', '}'})));
        cases.add(c("trailing comma", 400, "dead", id -> signed(id, "{\"email\":\"a@b.co\",}")));
        cases.add(c("nesting depth 5,000", 400, "dead", id -> signed(id, "[".repeat(5000) + "]".repeat(5000))));
        cases.add(c("nesting depth 200 in a field no map reads", 202, "done", id -> signed(id, lead("deep",
                ",\"extra\":" + "[".repeat(200) + "]".repeat(200)))));
        cases.add(c("999,000-byte body without email or consent", 202, "review", id -> signed(id,
                "{\"pad\":\"" + "x".repeat(999_000) + "\"}")));
        cases.add(c("body over 1 MiB", 413, "—", id -> signed(id, "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}")));
        // Fields
        cases.add(c("unicode names (ü, 中文, emoji)", 202, "done", id -> signed(id,
                "{\"email\":\"zoe@acme.com\",\"firstName\":\"Zoë 中文 😀\",\"lastName\":\"Müller\",\"consent\":true}")));
        cases.add(c("zero-width and right-to-left marks in a name", 202, "done", id -> signed(id,
                "{\"email\":\"rtl@acme.com\",\"firstName\":\"A\\u200bna\\u202e\",\"consent\":true}")));
        cases.add(c("email with surrounding spaces and capitals", 202, "done", id -> signed(id,
                "{\"email\":\"  Mixed.Case@ACME.com \",\"consent\":true}")));
        cases.add(c("invalid email", 202, "review", id -> signed(id, "{\"email\":\"not-an-email\",\"consent\":true}")));
        cases.add(c("missing email", 202, "review", id -> signed(id, "{\"firstName\":\"NoMail\",\"consent\":true}")));
        cases.add(c("email as an object", 202, "review", id -> signed(id, "{\"email\":{\"work\":\"a@acme.com\"},\"consent\":true}")));
        cases.add(c("unparseable phone (phone left out)", 202, "done", id -> signed(id,
                "{\"email\":\"phone@acme.com\",\"phone\":\"call me maybe\",\"consent\":true}")));
        cases.add(c("consent as a string", 202, "done", id -> signed(id, "{\"email\":\"s@acme.com\",\"consent\":\"true\"}")));
        cases.add(c("missing consent", 202, "review", id -> signed(id, "{\"email\":\"noconsent@acme.com\"}")));
        cases.add(c("consent neither true nor false", 202, "review", id -> signed(id,
                "{\"email\":\"maybe@acme.com\",\"consent\":\"yes please\"}")));
        cases.add(c("free-mail lead (no company domain taken)", 202, "done", id -> signed(id,
                "{\"email\":\"jane.doe@gmail.com\",\"company\":\"Acme\",\"consent\":true}")));
        cases.add(c("disposable mailbox", 202, "review", id -> signed(id, "{\"email\":\"x@mailinator.com\",\"consent\":true}")));
        cases.add(c("unknown budgetRange", 202, "review", id -> signed(id, lead("budget", ",\"budgetRange\":\"a lot\""))));
        cases.add(c("unknown urgency", 202, "review", id -> signed(id, lead("urgent", ",\"urgency\":\"whenever\""))));
        cases.add(c("unknown country", 202, "review", id -> signed(id, lead("narnia", ",\"country\":\"Narnia\""))));
        cases.add(c("unknown US state", 202, "review", id -> signed(id, lead("state",
                ",\"country\":\"US\",\"state\":\"Springfield\""))));
        cases.add(c("five problems at once (one review, every reason)", 202, "review", id -> signed(id,
                "{\"email\":\"x@yopmail.com\",\"country\":\"Narnia\",\"budgetRange\":\"a lot\",\"urgency\":\"whenever\"}")));
        cases.add(c("aliases corrected (USA, Calif., ASAP, $10k-$50k, lower-case company)", 202, "done", id -> signed(id,
                lead("alias", ",\"country\":\"USA\",\"state\":\"Calif.\",\"urgency\":\"ASAP\","
                        + "\"budgetRange\":\"$10k-$50k\",\"company\":\"acme holdings inc\""))));
        cases.add(c("webhook-id containing dots", 202, "done", id -> signed(id + ".with.dots", lead)));
        cases.add(c("very long webhook-id (500 chars)", 401, "—", id -> signed("x".repeat(500), lead)));
        cases.add(c("HTML in fields (stored as data, escaped on pages)", 202, "done", id -> signed(id,
                "{\"email\":\"html@acme.com\",\"firstName\":\"<script>alert(1)</script>\",\"consent\":true}")));
        cases.add(c("SQL in fields (bound as data)", 202, "done", id -> signed(id,
                "{\"email\":\"sql@acme.com\",\"lastName\":\"Robert'); DROP TABLE contacts;--\",\"consent\":true}")));
        // Activity
        cases.add(c("activity of an unknown type", 202, "review", id -> std("activity", SECRET, id,
                "{\"id\":\"a-1\",\"type\":\"telepathy\",\"email\":\"a@acme.com\",\"occurredAt\":\"" + Instant.now() + "\"}")));
        cases.add(c("activity without occurredAt", 202, "review", id -> std("activity", SECRET, id,
                "{\"id\":\"a-2\",\"type\":\"page_view\",\"email\":\"a@acme.com\"}")));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void eachOddInputGetsItsAnswer(Case c) throws Exception {
        String id = "msg_case_" + Integer.toHexString(c.name().hashCode());
        Optional<String> first = Optional.empty();
        if (c.earlier().isPresent()) {
            HttpResponse<String> earlier = server.send(c.earlier().get().apply(id));
            assertThat(earlier.statusCode()).as("the earlier delivery: " + earlier.body()).isEqualTo(202);
            first = Optional.of(JSON.readTree(earlier.body()).get("eventId").asText());
        }
        HttpResponse<String> response = server.send(c.request().apply(id));
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        Optional<String> eventId = storedEvent(response);
        String then = eventId.map(BadInputTableTest::finalStatus).orElse("—");
        synchronized (rows) {
            int n = rows.size() + 1;
            rows.add("| " + n + " | " + c.name().replace("|", "\\|") + " | " + response.statusCode()
                    + (contentType.startsWith("application/problem+json") ? " problem+json" : "")
                    + (c.duplicate() ? " duplicate" : "") + " | " + then + " | `BadInputTableTest` [" + n + "] |");
        }
        assertThat(response.statusCode()).as(c.name() + ": " + response.body()).isEqualTo(c.expected());
        if (c.expected() >= 400) {
            assertThat(contentType).startsWith("application/problem+json");
        }
        assertThat(then).as(c.name() + ": the stored event's final state").isEqualTo(c.then());
        if (c.duplicate()) {
            JsonNode ack = JSON.readTree(response.body());
            assertThat(ack.get("duplicate").asBoolean()).isTrue();
            assertThat(ack.get("eventId").asText()).isEqualTo(first.orElseThrow());
        }
    }

    @Test
    void afterAllOfThemTheServerStillAnswers() {
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    /** The id of the event the server stored for this answer: a 202's eventId, or the one a 400 names. */
    private static Optional<String> storedEvent(HttpResponse<String> response) throws IOException {
        if (response.statusCode() == 202) {
            return Optional.of(JSON.readTree(response.body()).get("eventId").asText());
        }
        if (response.statusCode() == 400) {
            Matcher m = STORED.matcher(response.body());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Waits for the workers to settle the event; an event still open after the wait reads as its open state. */
    private static String finalStatus(String eventId) {
        HttpResponse<String> event = server.awaitGet("/api/events/" + eventId, r -> r.body().matches(
                "(?s).*\"status\":\"(done|review|dead)\".*"));
        try {
            return JSON.readTree(event.body()).get("status").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // Builders: each case signs with an id of its own, so no two cases collide as duplicates.
    private static String lead(String local, String extra) {
        return "{\"id\":\"f-" + local + "\",\"email\":\"" + local + "@acme.com\",\"firstName\":\"Ana\","
                + "\"lastName\":\"Ruiz\",\"consent\":true" + extra + "}";
    }

    /** One creation time for every Stripe event, so a redelivery is the same bytes as Stripe's own redeliveries are. */
    private static final long CREATED = Instant.now().getEpochSecond();

    private static String stripePayment(String id, String email) {
        return "{\"id\":\"evt_" + id + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"created\":" + CREATED
                + ",\"data\":{\"object\":{\"receipt_email\":\"" + email + "\",\"amount_received\":12900,"
                + "\"currency\":\"usd\"}}}";
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static long nowMillis() {
        return Instant.now().toEpochMilli();
    }

    private static String sign(String id, long ts, String body) {
        return StandardWebhooksScheme.sign(WebhookSecret.parse(SECRET), id, ts, bytes(body));
    }

    private static String stdSign(String secret, String id, long ts, String body) {
        return StandardWebhooksScheme.sign(WebhookSecret.parse(secret), id, ts, bytes(body));
    }

    /** Signs and sends one timestamp: read twice, a second could tick between signing and the header. */
    private static HttpRequest std(String source, String secret, String id, String body) {
        long ts = now();
        return stdWith(source, id, ts, body, stdSign(secret, id, ts, body));
    }

    private static HttpRequest stdWith(String source, String id, long ts, String body, String signature) {
        return base("/webhooks/" + source, body, "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", signature).build();
    }

    private static HttpRequest stripe(String body, String signature) {
        return base("/webhooks/stripe", body, "application/json").header("Stripe-Signature", signature).build();
    }

    private static String hubSpotUri() {
        return server.uri("/webhooks/hubspot").toString();
    }

    private static HttpRequest hubSpot(String body, long timestamp, String signature) {
        return base("/webhooks/hubspot", body, "application/json").header("X-HubSpot-Signature-v3", signature)
                .header("X-HubSpot-Request-Timestamp", Long.toString(timestamp)).build();
    }

    private static HttpRequest gitHub(String body, String delivery, String signature) {
        HttpRequest.Builder builder = base("/webhooks/github", body, "application/json")
                .header("X-Hub-Signature-256", signature);
        if (!delivery.isEmpty()) {
            builder.header("X-GitHub-Delivery", delivery);
        }
        return builder.build();
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(bytes(data));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest signed(String id, String body) {
        return signedAt(id, now(), body);
    }

    private static HttpRequest signedAt(String id, long ts, String body) {
        return signedWith(id, Long.toString(ts), body, sign(id, ts, body));
    }

    private static HttpRequest signedWith(String id, long ts, String body, String signature) {
        return signedWith(id, Long.toString(ts), body, signature);
    }

    private static HttpRequest signedWith(String id, String ts, String body, String signature) {
        return base("/webhooks/form", body, "application/json").header("webhook-id", id)
                .header("webhook-timestamp", ts).header("webhook-signature", signature).build();
    }

    private static HttpRequest signedTyped(String id, String body, String contentType) {
        long ts = now();
        return base("/webhooks/form", body, contentType).header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", sign(id, ts, body)).build();
    }

    private static HttpRequest signedBytes(String id, byte[] body) {
        long ts = now();
        return HttpRequest.newBuilder(server.uri("/webhooks/form")).header("Content-Type", "application/json")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", StandardWebhooksScheme.sign(WebhookSecret.parse(SECRET), id, ts, body))
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
        System.arraycopy(b, 0, out, 0 + a.length, b.length);
        return out;
    }
}
