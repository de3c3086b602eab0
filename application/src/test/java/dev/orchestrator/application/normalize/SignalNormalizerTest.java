package dev.orchestrator.application.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.domain.shared.DomainViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignalNormalizerTest {
    private static final FieldMap STRIPE = new FieldMap("stripe", EventTypes.PAYMENT_SUCCEEDED, "stripe@abc",
            Optional.of(new FieldMap.Acceptance(PayloadPath.parse("type"), Set.of("payment_intent.succeeded"))),
            List.of(FieldSpec.path("id", "id"),
                    new FieldSpec("type", List.of(), List.of(), Optional.of("payment_succeeded"), false, false),
                    FieldSpec.path("email", "data.object.receipt_email"),
                    FieldSpec.path("occurredAt", "created", Transform.EPOCH_SECONDS),
                    FieldSpec.path("amount", "data.object.amount_received", Transform.MINOR_UNITS),
                    FieldSpec.path("currency", "data.object.currency", Transform.UPPERCASE)));
    private final SignalNormalizer normalizer = new SignalNormalizer(List.of(STRIPE));

    @Test
    void aStripePaymentBecomesAPaymentSignalWithItsAmount() {
        SignalNormalizer.Read read = (SignalNormalizer.Read) normalizer.normalize("stripe", "msg", payment("a@acme.com"));

        assertThat(read.eventType()).isEqualTo("payment.succeeded");
        assertThat(read.signal().type()).isEqualTo("payment_succeeded");
        assertThat(read.signal().email().value()).isEqualTo("a@acme.com");
        assertThat(read.signal().occurredAt()).isEqualTo(Instant.parse("2025-11-26T10:00:00Z"));
        assertThat(read.details()).containsEntry("amount", "129.00").containsEntry("currency", "USD");
        assertThat(read.fieldMapVersion()).isEqualTo("stripe@abc");
    }

    @Test
    void anotherStripeEventTypeIsSkipped() {
        assertThat(normalizer.normalize("stripe", "msg", new PayloadTree(Map.of("id", "evt_2", "type", "customer.created"))))
                .isInstanceOf(SignalNormalizer.Skipped.class);
    }

    @Test
    void aPaymentWithoutAnEmailIsUnreadableNamingEveryPathTried() {
        Map<String, Object> body = Map.of("id", "evt_3", "type", "payment_intent.succeeded", "created",
                new BigDecimal("1764151200"), "data", Map.of("object", Map.of("currency", "usd")));

        assertThatThrownBy(() -> normalizer.normalize("stripe", "msg", new PayloadTree(body)))
                .isInstanceOfSatisfying(UnreadablePayload.class, e -> {
                    assertThat(e.fieldMapVersion()).isEqualTo("stripe@abc");
                    assertThat(e.problems()).containsExactly(
                            new FieldProblem("email", "is required (read from $.data.object.receipt_email)"),
                            new FieldProblem("amount", "is required (read from $.data.object.amount_received)"));
                });
    }

    @Test
    void aMalformedEmailIsAViolationOfTheEmailField() {
        assertThatThrownBy(() -> normalizer.normalize("stripe", "msg", payment("not-an-email")))
                .isInstanceOfSatisfying(DomainViolation.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void aLeadMapCannotServeAsASignalMap() {
        assertThatThrownBy(() -> new SignalNormalizer(List.of(FieldMapTest.leadMap(FieldSpec.path("email", "email")))))
                .isInstanceOf(DomainViolation.class);
    }

    private static PayloadTree payment(String email) {
        return new PayloadTree(Map.of("id", "evt_1", "type", "payment_intent.succeeded",
                "created", new BigDecimal("1764151200"), "data", Map.of("object", Map.of(
                        "receipt_email", email, "amount_received", new BigDecimal("12900"), "currency", "usd"))));
    }
}
