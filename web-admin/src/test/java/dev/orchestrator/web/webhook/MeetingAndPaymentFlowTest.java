package dev.orchestrator.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.intake.StripeScheme;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two event types beyond leads and activity, end to end over HTTP: a meeting booked through the calendar source
 * (Standard Webhooks) takes an MQL to SQL, a Stripe payment (Stripe-style signature, Stripe's event envelope) makes
 * a customer, each by the default ruleset and with the field map's version in the trace.
 */
class MeetingAndPaymentFlowTest {
    private static final String SECRET = RunningOrchestrator.SECRET;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningOrchestrator server;

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.startWithSources(Map.of("form", List.of(SECRET), "activity", List.of(SECRET),
                "calendar", List.of(SECRET), "stripe", List.of(SECRET)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anMqlWhoBooksAMeetingBecomesAnSqlByTheDefaultRuleset() throws Exception {
        String email = "nora.kim@atlantacloud.com";
        String contactId = mql(email, "meet");

        String booking = "{\"id\":\"bk-1\",\"type\":\"meeting.booked\",\"bookedAt\":\"" + Instant.now().minusSeconds(30)
                + "\",\"startsAt\":\"" + Instant.now().plusSeconds(86_400) + "\",\"invitee\":{\"email\":\"" + email
                + "\",\"name\":\"Nora Kim\"},\"meetingUrl\":\"https://meet.example/abc\"}";
        HttpResponse<String> ack = server.postSigned("calendar", "msg_meeting_1", Instant.now(),
                booking.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(ack.statusCode()).isEqualTo(202);

        server.awaitGet("/api/contacts?email=" + email, r -> r.body().contains("\"stage\":\"sql\""));
        JsonNode why = JSON.readTree(server.get("/api/contacts/" + contactId + "/why?stage=sql").body());
        assertThat(why.get("ruleId").asText()).isEqualTo("sql-on-demo-or-meeting");
        assertThat(why.get("sourceEventId").asText()).isEqualTo(JSON.readTree(ack.body()).get("eventId").asText());
        assertThat(trace(ack)).contains("\"fieldMap\":\"calendar@", "meeting.booked");
    }

    @Test
    void aStripePaymentMakesTheContactACustomer() throws Exception {
        String email = "omar.haddad@atlantacloud.com";
        String contactId = mql(email, "pay");

        HttpResponse<String> ack = stripe("{\"id\":\"evt_pay_1\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
                + "\"created\":" + Instant.now().minusSeconds(10).getEpochSecond() + ",\"data\":{\"object\":{"
                + "\"id\":\"pi_1\",\"object\":\"payment_intent\",\"amount_received\":499900,\"currency\":\"usd\","
                + "\"receipt_email\":\"" + email + "\"}}}");
        assertThat(ack.statusCode()).isEqualTo(202);

        server.awaitGet("/api/contacts?email=" + email, r -> r.body().contains("\"stage\":\"customer\""));
        JsonNode why = JSON.readTree(server.get("/api/contacts/" + contactId + "/why?stage=customer").body());
        assertThat(why.get("ruleId").asText()).isEqualTo("customer-on-payment");
        assertThat(trace(ack)).contains("\"fieldMap\":\"stripe@", "\"amount\":\"4999.00\"", "\"currency\":\"USD\"");
    }

    @Test
    void aStripeEventThatIsNoPaymentIsAcknowledgedAndSkipped() throws Exception {
        HttpResponse<String> ack = stripe("{\"id\":\"evt_cust_1\",\"type\":\"customer.created\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"email\":\"x@acme.com\"}}}");

        JsonNode event = JSON.readTree(server.awaitGet("/api/events/" + eventId(ack),
                r -> r.body().contains("\"done\"")).body());
        assertThat(event.get("status").asText()).isEqualTo("done");
        assertThat(event.toString()).contains("customer.created");
    }

    @Test
    void aPaymentTheMapCannotReadGoesToReviewNamingThePaths() throws Exception {
        HttpResponse<String> ack = stripe("{\"id\":\"evt_bad_1\",\"type\":\"charge.succeeded\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"amount\":\"lots\",\"currency\":\"usd\"}}}");

        JsonNode event = JSON.readTree(server.awaitGet("/api/events/" + eventId(ack),
                r -> r.body().contains("\"review\"")).body());
        assertThat(event.get("lastError").asText())
                .contains("amount cannot be read at $.data.object.amount: must be a whole, non-negative amount")
                .contains("email is required (read from $.data.object.receipt_email or");
    }

    /** A fitting lead with pricing intent: an MQL, as in LeadToMqlFlowTest. Answers the contact id. */
    private static String mql(String email, String key) throws Exception {
        server.postSigned("form", "msg_" + key + "_form", Instant.now(), ("{\"id\":\"f-" + key + "\",\"email\":\"" + email
                + "\",\"firstName\":\"Ana\",\"lastName\":\"Lee\",\"company\":\"Atlanta Cloud\","
                + "\"website\":\"https://www.atlantacloud.com\",\"country\":\"US\",\"consent\":true}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
        server.awaitGet("/api/contacts?email=" + email, r -> r.statusCode() == 200);
        server.postSigned("activity", "msg_" + key + "_pricing", Instant.now(), ("{\"id\":\"a-" + key
                + "\",\"type\":\"pricing_page_view\",\"email\":\"" + email + "\",\"occurredAt\":\""
                + Instant.now().minusSeconds(60) + "\"}").getBytes(StandardCharsets.UTF_8), "application/json");
        JsonNode mql = JSON.readTree(server.awaitGet("/api/contacts?email=" + email,
                r -> r.body().contains("\"stage\":\"mql\"")).body());
        assertThat(mql.get("stage").asText()).isEqualTo("mql");
        return mql.get("id").asText();
    }

    private static HttpResponse<String> stripe(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return server.send(HttpRequest.newBuilder(server.uri("/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeScheme.sign(SECRET, Instant.now().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static String eventId(HttpResponse<String> ack) throws Exception {
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(202);
        return JSON.readTree(ack.body()).get("eventId").asText();
    }

    private static String trace(HttpResponse<String> ack) throws Exception {
        return server.awaitGet("/api/events/" + eventId(ack), r -> r.body().contains("\"done\"")).body();
    }
}
