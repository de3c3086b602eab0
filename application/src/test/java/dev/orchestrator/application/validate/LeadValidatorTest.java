package dev.orchestrator.application.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.domain.intake.LeadEvent;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadValidatorTest {
    private final LeadValidator validator = new LeadValidator("US", FreeMailDomains.shipped());

    @Test
    void aLeadWithoutEmailGoesToReviewNamingTheField() {
        assertThat(validator.validate(lead(null, null, null)))
                .isEqualTo(new ValidationResult.Invalid(java.util.List.of(new FieldProblem("email", "is required"))));
    }

    @Test
    void aMalformedEmailGoesToReview() {
        assertThat(validator.validate(lead("jane@@acme", null, null)))
                .isInstanceOfSatisfying(ValidationResult.Invalid.class,
                        invalid -> assertThat(invalid.problems()).extracting(FieldProblem::field).containsExactly("email"));
    }

    @Test
    void anEmailIsTrimmedAndLowerCasedAndTheCorrectionRecorded() {
        ValidatedLead lead = valid(lead("  Jane.Doe@ACME.com ", null, null));

        assertThat(lead.email().value()).isEqualTo("jane.doe@acme.com");
        assertThat(lead.corrections()).extracting(ValidatedLead.Correction::field).containsExactly("email");
    }

    @Test
    void aPhoneIsWrittenInE164UsingTheLeadsCountry() {
        assertThat(valid(lead("jane@acme.co.uk", "020 7946 0958", "GB")).phoneE164()).contains("+442079460958");
    }

    @Test
    void anInvalidPhoneIsLeftOutWithARecordedCorrection() {
        ValidatedLead lead = valid(lead("jane@acme.com", "12", "US"));

        assertThat(lead.phoneE164()).isEmpty();
        assertThat(lead.corrections()).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("not a valid phone number"));
    }

    private ValidatedLead valid(LeadEvent lead) {
        return ((ValidationResult.Valid) validator.validate(lead)).lead();
    }

    private static LeadEvent lead(String email, String phone, String country) {
        return new LeadEvent("form", "f-1", Optional.of(Instant.parse("2026-01-05T10:15:30Z")),
                Optional.ofNullable(email), Optional.of("Jane"), Optional.of("Doe"), Optional.of("Acme"),
                Optional.empty(), Optional.ofNullable(phone), Optional.ofNullable(country), Optional.of(true), java.util.Map.of());
    }
}
