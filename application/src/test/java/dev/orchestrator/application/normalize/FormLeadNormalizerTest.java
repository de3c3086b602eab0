package dev.orchestrator.application.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.domain.intake.LeadEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormLeadNormalizerTest {
    private final FormLeadNormalizer normalizer = new FormLeadNormalizer();

    @Test
    void theDefaultFormPayloadMapsToTheCanonicalLead() {
        LeadEvent lead = normalizer.normalize("form", "msg_1", new PayloadTree(Map.of(
                "id", "f-42", "submittedAt", "2026-01-05T10:15:30Z", "email", "jane@acme.com", "firstName", "Jane",
                "lastName", "Doe", "company", "Acme", "phone", "+14155552671", "country", "US", "consent", true)));

        assertThat(lead.sourceRecordId()).isEqualTo("f-42");
        assertThat(lead.submittedAt()).contains(Instant.parse("2026-01-05T10:15:30Z"));
        assertThat(lead.email()).contains("jane@acme.com");
        assertThat(lead.consent()).contains(true);
    }

    @Test
    void withoutARecordIdTheDeliveryIdStandsIn() {
        assertThat(normalizer.normalize("form", "msg_1", new PayloadTree(Map.of("email", "a@b.co"))).sourceRecordId())
                .isEqualTo("msg_1");
    }

    @Test
    void blankFieldsCountAsAbsent() {
        assertThat(normalizer.normalize("form", "m", new PayloadTree(Map.of("email", "  "))).email()).isEmpty();
    }

    @Test
    void aPayloadThatIsNotAnObjectIsUnprocessable() {
        assertThatThrownBy(() -> normalizer.normalize("form", "m", new PayloadTree(List.of(1, 2))))
                .isInstanceOf(UnprocessablePayload.class);
    }
}
