package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.normalize.FieldMap;
import dev.orchestrator.application.normalize.LeadNormalizer;
import dev.orchestrator.application.normalize.SignalNormalizer;
import dev.orchestrator.application.normalize.UnprocessablePayload;
import dev.orchestrator.application.normalize.UnreadablePayload;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.domain.intake.LeadEvent;
import dev.orchestrator.web.json.JacksonPayloadParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped field maps read the external contract's default payloads exactly as the hand-written normalizers
 * they replace did (the first four tests are FormLeadNormalizerTest's, now against fieldmaps/form.yaml), plus the
 * calendar and Stripe payloads; a map's version is its file's content hash.
 */
class ShippedFieldMapsTest {
    private final ShippedFieldMaps maps = ShippedFieldMaps.shipped();
    private final LeadNormalizer form = maps.leadNormalizers().get("form");
    private final SignalNormalizer signals = maps.signalNormalizer();

    @Test
    void theDefaultFormPayloadMapsToTheCanonicalLead() {
        LeadEvent lead = form.normalize("form", "msg_1", new PayloadTree(Map.of(
                "id", "f-42", "submittedAt", "2026-01-05T10:15:30Z", "email", "jane@acme.com", "firstName", "Jane",
                "lastName", "Doe", "company", "Acme", "phone", "+14155552671", "country", "US", "consent", true)));

        assertThat(lead.sourceRecordId()).isEqualTo("f-42");
        assertThat(lead.submittedAt()).contains(Instant.parse("2026-01-05T10:15:30Z"));
        assertThat(lead.email()).contains("jane@acme.com");
        assertThat(lead.consent()).contains(true);
    }

    @Test
    void withoutARecordIdTheDeliveryIdStandsIn() {
        assertThat(form.normalize("form", "msg_1", new PayloadTree(Map.of("email", "a@b.co"))).sourceRecordId())
                .isEqualTo("msg_1");
    }

    @Test
    void blankFieldsCountAsAbsent() {
        assertThat(form.normalize("form", "m", new PayloadTree(Map.of("email", "  "))).email()).isEmpty();
    }

    @Test
    void aPayloadThatIsNotAnObjectIsUnprocessable() {
        assertThatThrownBy(() -> form.normalize("form", "m", new PayloadTree(List.of(1, 2))))
                .isInstanceOf(UnprocessablePayload.class);
    }

    @Test
    void theWholeDefaultFormPayloadLandsInTheLeadAndItsAttributes() {
        LeadEvent lead = form.normalize("form", "m", parse("""
                {"id":"f-1","submittedAt":"2026-01-05T10:15:30Z","email":"jane@acme.com","firstName":"Jane",
                 "lastName":"Doe","company":"Acme","website":"https://acme.com","phone":"+14155552671",
                 "country":"US","state":" CA ","zip":"94107","consent":"true","budgetRange":"10k-50k",
                 "urgency":"this-quarter","message":"Hi","utm":{"source":"ads","medium":"cpc","campaign":"q4"}}"""));

        assertThat(lead.website()).contains("https://acme.com");
        assertThat(lead.consent()).contains(true);
        assertThat(lead.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("state", "CA", "zip", "94107",
                "budgetRange", "10k-50k", "urgency", "this-quarter", "message", "Hi", "utm.source", "ads",
                "utm.medium", "cpc", "utm.campaign", "q4"));
    }

    @Test
    void aGarbledSubmissionTimeIsDroppedNotReviewed() {
        assertThat(form.normalize("form", "m", parse("{\"email\":\"a@b.co\",\"submittedAt\":\"last week\"}"))
                .submittedAt()).isEmpty();
    }

    @Test
    void consentThatIsNeitherTrueNorFalseIsUnreadableNamingThePath() {
        assertThatThrownBy(() -> form.normalize("form", "m", parse("{\"email\":\"a@b.co\",\"consent\":\"yes please\"}")))
                .isInstanceOfSatisfying(UnreadablePayload.class, e -> assertThat(e.problems()).containsExactly(
                        new FieldProblem("consent", "cannot be read at $.consent: must be true or false")));
    }

    @Test
    void theDefaultActivityPayloadIsASignal() {
        SignalNormalizer.Read read = (SignalNormalizer.Read) signals.normalize("activity", "m", parse(
                "{\"id\":\"a-1\",\"type\":\"pricing_page_view\",\"email\":\"jane@acme.com\","
                        + "\"occurredAt\":\"2026-11-20T10:00:00Z\",\"url\":\"https://acme.com/pricing\"}"));

        assertThat(read.signal().type()).isEqualTo("pricing_page_view");
        assertThat(read.signal().url()).contains("https://acme.com/pricing");
        assertThat(read.eventType()).isEqualTo("activity.recorded");
    }

    @Test
    void aCalendarBookingIsAMeetingBookedSignal() {
        SignalNormalizer.Read read = (SignalNormalizer.Read) signals.normalize("calendar", "m", parse("""
                {"id":"bk-1","type":"meeting.booked","bookedAt":"2026-11-20T10:00:00Z",
                 "startsAt":"2026-11-24T15:00:00Z","invitee":{"email":"jane@acme.com","name":"Jane Doe"},
                 "meetingUrl":"https://meet.example/abc"}"""));

        assertThat(read.eventType()).isEqualTo("meeting.booked");
        assertThat(read.signal().type()).isEqualTo("meeting_booked");
        assertThat(read.signal().occurredAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(read.details()).containsEntry("startsAt", "2026-11-24T15:00:00Z");
    }

    @Test
    void aCancelledMeetingIsSkipped() {
        assertThat(signals.normalize("calendar", "m", parse("{\"id\":\"bk-2\",\"type\":\"meeting.cancelled\"}")))
                .isInstanceOf(SignalNormalizer.Skipped.class);
    }

    @Test
    void aStripePaymentIntentIsAPaymentSignal() {
        SignalNormalizer.Read read = (SignalNormalizer.Read) signals.normalize("stripe", "m", parse("""
                {"id":"evt_1","object":"event","type":"payment_intent.succeeded","created":1764151200,
                 "data":{"object":{"id":"pi_1","object":"payment_intent","amount":12900,"amount_received":12900,
                 "currency":"usd","customer":"cus_1","receipt_email":"jane@acme.com"}}}"""));

        assertThat(read.signal().type()).isEqualTo("payment_succeeded");
        assertThat(read.signal().sourceRecordId()).isEqualTo("evt_1");
        assertThat(read.details()).containsEntry("amount", "129.00").containsEntry("currency", "USD")
                .containsEntry("customer", "cus_1").containsEntry("stripeType", "payment_intent.succeeded");
    }

    @Test
    void aPaidStripeInvoiceReadsItsCustomerEmail() {
        SignalNormalizer.Read read = (SignalNormalizer.Read) signals.normalize("stripe", "m", parse("""
                {"id":"evt_2","type":"invoice.paid","created":1764151200,
                 "data":{"object":{"amount_paid":5000,"currency":"eur","customer_email":"ops@globex.de"}}}"""));

        assertThat(read.signal().email().value()).isEqualTo("ops@globex.de");
        assertThat(read.details()).containsEntry("amount", "50.00");
    }

    @Test
    void aStripeCustomerCreatedIsSkipped() {
        assertThat(signals.normalize("stripe", "m", parse("{\"id\":\"evt_3\",\"type\":\"customer.created\"}")))
                .isInstanceOf(SignalNormalizer.Skipped.class);
    }

    @Test
    void aMapsVersionIsItsSourceAndContentHash() {
        assertThat(maps.all()).extracting(FieldMap::version)
                .allSatisfy(version -> assertThat(version).matches("[a-z]+@[0-9a-f]{12}"));
        assertThat(form.version()).startsWith("form@");
    }

    @Test
    void aChangedByteIsANewVersion() {
        FieldMapYamlParser parser = new FieldMapYamlParser();
        byte[] shipped = ShippedFieldMaps.resource("activity.yaml");
        byte[] edited = (new String(shipped, StandardCharsets.UTF_8) + "\n# edited\n").getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse("a", edited).version()).isNotEqualTo(parser.parse("a", shipped).version());
    }

    @Test
    void aFileInTheFieldMapsDirectoryReplacesTheShippedOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("form.yaml"), """
                source: form
                event: lead.submitted
                fields:
                  email: contact.mail
                  consent: { value: "true" }
                """);

        LeadNormalizer custom = ShippedFieldMaps.load(Optional.of(dir)).leadNormalizers().get("form");

        assertThat(custom.normalize("form", "m", parse("{\"contact\":{\"mail\":\"x@y.io\"}}")).email()).contains("x@y.io");
    }

    @Test
    void aFieldMapWithAnUnknownTransformIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> new FieldMapYamlParser().parse("bad.yaml", """
                source: form
                event: lead.submitted
                fields:
                  email: { path: email, transforms: [shout] }
                """.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FieldMapYamlParser.FieldMapError.class)
                .hasMessageStartingWith("bad.yaml: transforms unknown transform 'shout'");
    }

    @Test
    void aFieldMapWithAnUnknownKeyIsRefused() {
        assertThatThrownBy(() -> new FieldMapYamlParser().parse("bad.yaml", """
                source: form
                event: lead.submitted
                fields:
                  email: { paht: email }
                """.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FieldMapYamlParser.FieldMapError.class).hasMessageContaining("paht");
    }

    private static PayloadTree parse(String json) {
        return ((PayloadParser.Ok) new JacksonPayloadParser().parse(json.getBytes(StandardCharsets.UTF_8))).tree();
    }
}
