package dev.orchestrator.application.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.domain.shared.DomainViolation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldMapTest {

    @Test
    void aNestedPathReadsThroughObjectsAndListIndexes() {
        FieldMap map = signalMap(FieldSpec.path("email", "attendees.1.email"));

        MappedFields fields = map.apply(tree(Map.of("attendees", List.of(Map.of("email", "a@x.io"),
                Map.of("email", "b@x.io")))), "msg_1");

        assertThat(fields.get("email")).contains("b@x.io");
    }

    @Test
    void theFirstPathHoldingAValueWins() {
        FieldSpec email = new FieldSpec("email", List.of(PayloadPath.parse("receipt_email"),
                PayloadPath.parse("customer_email")), List.of(), Optional.empty(), false, false);

        MappedFields fields = signalMap(email).apply(tree(Map.of("customer_email", "c@x.io")), "m");

        assertThat(fields.get("email")).contains("c@x.io");
    }

    @Test
    void transformsApplyInOrder() {
        MappedFields fields = signalMap(FieldSpec.path("currency", "currency", Transform.TRIM, Transform.UPPERCASE))
                .apply(tree(Map.of("currency", " eur ")), "m");

        assertThat(fields.get("currency")).contains("EUR");
    }

    @Test
    void minorUnitsBecomeMajorUnitsAndEpochSecondsAnInstant() {
        FieldMap map = signalMap(FieldSpec.path("amount", "amount", Transform.MINOR_UNITS),
                FieldSpec.path("occurredAt", "created", Transform.EPOCH_SECONDS));

        MappedFields fields = map.apply(tree(Map.of("amount", new BigDecimal("4200"),
                "created", new BigDecimal("1764151200"))), "m");

        assertThat(fields.get("amount")).contains("42.00");
        assertThat(fields.get("occurredAt")).contains("2025-11-26T10:00:00Z");
    }

    @Test
    void aConstantAndADefaultFillFieldsThePayloadLacks() {
        FieldMap map = signalMap(new FieldSpec("type", List.of(), List.of(), Optional.of("meeting_booked"), false, false),
                new FieldSpec("url", List.of(PayloadPath.parse("link")), List.of(), Optional.of("none"), false, false));

        MappedFields fields = map.apply(tree(Map.of()), "m");

        assertThat(fields.get("type")).contains("meeting_booked");
        assertThat(fields.get("url")).contains("none");
    }

    @Test
    void withoutAnIdTheDeliveryIdStandsIn() {
        FieldMap map = signalMap(new FieldSpec("id", List.of(PayloadPath.parse("id")), List.of(), Optional.empty(),
                true, false));

        assertThat(map.apply(tree(Map.of()), "msg_7").get("id")).contains("msg_7");
    }

    @Test
    void aValueATransformRefusesIsAProblemNamingThePath() {
        MappedFields fields = signalMap(FieldSpec.path("occurredAt", "meta.when", Transform.INSTANT))
                .apply(tree(Map.of("meta", Map.of("when", "yesterday"))), "m");

        assertThat(fields.problems()).contains(new FieldProblem("occurredAt",
                "cannot be read at $.meta.when: must be an ISO-8601 instant such as 2026-11-26T10:15:30Z"));
    }

    @Test
    void aFieldMarkedDropLosesAnUnreadableValueQuietly() {
        FieldMap map = leadMap(new FieldSpec("submittedAt", List.of(PayloadPath.parse("submittedAt")),
                List.of(Transform.INSTANT), Optional.empty(), false, true));

        MappedFields fields = map.apply(tree(Map.of("submittedAt", "last tuesday")), "m");

        assertThat(fields.readable()).isTrue();
        assertThat(fields.get("submittedAt")).isEmpty();
    }

    @Test
    void anObjectWhereAValueBelongsIsAProblem() {
        MappedFields fields = leadMap(FieldSpec.path("email", "email")).apply(tree(Map.of("email", Map.of("a", "b"))), "m");

        assertThat(fields.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("cannot be read at $.email: found an object where a value belongs"));
    }

    @Test
    void everyMissingRequiredFieldOfASignalIsReportedAtOnceWithThePathsTried() {
        MappedFields fields = signalMap(FieldSpec.path("email", "email"), FieldSpec.path("occurredAt", "at"))
                .apply(tree(Map.of("unrelated", "x")), "m");

        assertThat(fields.problems()).extracting(FieldProblem::field).containsExactly("id", "type", "email", "occurredAt");
        assertThat(fields.problems()).contains(new FieldProblem("email", "is required (read from $.email)"));
    }

    @Test
    void aLeadMapLeavesRequiredFieldsToTheValidator() {
        assertThat(leadMap(FieldSpec.path("email", "email")).apply(tree(Map.of()), "m").problems()).isEmpty();
    }

    @Test
    void aPayloadThatIsNotAnObjectIsUnprocessable() {
        assertThatThrownBy(() -> leadMap(FieldSpec.path("email", "email")).apply(new PayloadTree(List.of(1)), "m"))
                .isInstanceOf(UnprocessablePayload.class);
    }

    @Test
    void anAcceptFilterSkipsOtherEventTypesAndSaysWhy() {
        FieldMap map = new FieldMap("stripe", EventTypes.PAYMENT_SUCCEEDED, "stripe@1", Optional.of(
                new FieldMap.Acceptance(PayloadPath.parse("type"), Set.of("charge.succeeded"))), List.of(
                        FieldSpec.path("id", "id")));

        assertThat(map.skipReason(tree(Map.of("type", "charge.succeeded")))).isEmpty();
        assertThat(map.skipReason(tree(Map.of("type", "customer.created"))))
                .contains("$.type is 'customer.created', not one of [charge.succeeded]");
    }

    @Test
    void aFieldMappedTwiceIsRefused() {
        assertThatThrownBy(() -> leadMap(FieldSpec.path("email", "a"), FieldSpec.path("email", "b")))
                .isInstanceOf(DomainViolation.class).hasMessageContaining("mapped twice");
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        assertThatThrownBy(() -> new FieldMap("x", "lead.created", "x@1", Optional.empty(), List.of()))
                .isInstanceOf(DomainViolation.class);
    }

    @Test
    void aPathWithAnEmptySegmentIsRefused() {
        assertThatThrownBy(() -> PayloadPath.parse("data..email")).isInstanceOf(DomainViolation.class);
    }

    static FieldMap signalMap(FieldSpec... fields) {
        return new FieldMap("calendar", EventTypes.MEETING_BOOKED, "calendar@test", Optional.empty(), List.of(fields));
    }

    static FieldMap leadMap(FieldSpec... fields) {
        return new FieldMap("form", EventTypes.LEAD_SUBMITTED, "form@test", Optional.empty(), List.of(fields));
    }

    static PayloadTree tree(Map<String, Object> root) {
        return new PayloadTree(root);
    }
}
