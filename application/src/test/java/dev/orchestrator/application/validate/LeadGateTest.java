package dev.orchestrator.application.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.MailDeliverability;
import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.domain.intake.LeadEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The validator as the intake gate: what it corrects (and says so), and what it sends to review, all at once. */
class LeadGateTest {
    private final LeadValidator validator = new LeadValidator("US", FreeMailDomains.shipped());

    @Test
    void aLeadWithoutConsentGoesToReview() {
        assertThat(problems(aLead().consent(Optional.empty()).build()))
                .containsExactly(new FieldProblem("consent", "is required: the form must send consent true or false"));
    }

    @Test
    void anExplicitNoIsConsentGivenEitherWay() {
        assertThat(validator.validate(aLead().consent(Optional.of(false)).build()))
                .isInstanceOf(ValidationResult.Valid.class);
    }

    @Test
    void aDisposableMailboxGoesToReview() {
        assertThat(problems(aLead().email("pat@mailinator.com").build()))
                .containsExactly(new FieldProblem("email", "uses a disposable mailbox provider (mailinator.com)"));
    }

    @Test
    void aSubdomainOfADisposableProviderIsDisposableToo() {
        assertThat(problems(aLead().email("pat@eu.yopmail.com").build())).extracting(FieldProblem::field)
                .containsExactly("email");
    }

    @Test
    void anUpdatedDisposableListIsReadFromItsFile() {
        DisposableDomains updated = DisposableDomains.from(new ByteArrayInputStream(
                "# updated\nthrowaway.example\n".getBytes(StandardCharsets.UTF_8)));
        LeadValidator withUpdate = new LeadValidator("US", FreeMailDomains.shipped(), updated, MailDeliverability.OFF);

        assertThat(withUpdate.validate(aLead().email("x@throwaway.example").build()))
                .isInstanceOf(ValidationResult.Invalid.class);
    }

    @Test
    void aDomainWithoutAMailServerGoesToReviewWhenTheCheckIsOn() {
        LeadValidator checking = new LeadValidator("US", FreeMailDomains.shipped(), DisposableDomains.shipped(),
                domain -> domain.equals("nomail.example") ? MailDeliverability.Verdict.NO_MAIL_SERVER
                        : MailDeliverability.Verdict.DELIVERABLE);

        assertThat(((ValidationResult.Invalid) checking.validate(aLead().email("a@nomail.example").build())).problems())
                .containsExactly(new FieldProblem("email", "domain nomail.example receives no mail (no MX or A record)"));
    }

    @Test
    void anUnknownDeliverabilityNeverStopsALead() {
        LeadValidator unsure = new LeadValidator("US", FreeMailDomains.shipped(), DisposableDomains.shipped(),
                domain -> MailDeliverability.Verdict.UNKNOWN);

        assertThat(unsure.validate(aLead().build())).isInstanceOf(ValidationResult.Valid.class);
    }

    @Test
    void aFreeMailLeadIsAcceptedAndFlaggedWithoutACompanyDomain() {
        ValidatedLead lead = valid(aLead().email("jane.doe@gmail.com").build());

        assertThat(lead.companyDomain()).isEmpty();
        assertThat(lead.attributes()).containsEntry("freeMail", "true");
    }

    @Test
    void everyReasonACannotBeFixedLeadHasIsGivenAtOnce() {
        LeadEvent lead = aLead().email("pat@mailinator.com").consent(Optional.empty()).country("Narnia")
                .attribute("budgetRange", "a lot").attribute("urgency", "whenever").build();

        assertThat(problems(lead)).extracting(FieldProblem::field)
                .containsExactly("email", "consent", "country", "budgetRange", "urgency");
    }

    @Test
    void anUnknownUsStateGoesToReviewNamingTheCountry() {
        assertThat(problems(aLead().country("US").attribute("state", "Springfield").build()))
                .containsExactly(new FieldProblem("state", "'Springfield' is not a state or province of US"));
    }

    @Test
    void aStateOutsideTheUsAndCanadaIsKeptAsSent() {
        assertThat(valid(aLead().country("DE").attribute("state", "Bayern").build()).attributes())
                .containsEntry("state", "Bayern");
    }

    @Test
    void aStateAloneTellsTheCountry() {
        ValidatedLead lead = valid(aLead().country(null).attribute("state", "Ontario").build());

        assertThat(lead.country()).contains("CA");
        assertThat(lead.attributes()).containsEntry("state", "CA-ON");
    }

    @Test
    void eachCorrectionIsRecordedBeforeAndAfterWithTheStandardizerThatMadeIt() {
        ValidatedLead lead = valid(aLead().country("United States").attribute("state", "Calif.")
                .attribute("industry", "Fintech").attribute("urgency", "ASAP").company("acme holdings inc").build());

        assertThat(lead.corrections()).contains(
                new ValidatedLead.Correction("country", "United States", "US", "ISO 3166-1 alpha-2", "country"),
                new ValidatedLead.Correction("state", "Calif.", "US-CA", "ISO 3166-2", "state"),
                new ValidatedLead.Correction("industry", "Fintech", "financial_services",
                        "mapped to the industry taxonomy", "industry"),
                new ValidatedLead.Correction("urgency", "ASAP", "immediate", "spelling of an allowed value", "urgency"),
                new ValidatedLead.Correction("company", "acme holdings inc", "Acme Holdings Inc",
                        "spacing, casing or a trailing \", The\" tidied", "company-name"));
        assertThat(lead.country()).contains("US");
        assertThat(lead.attributes()).containsEntry("companyLegalForm", "Inc").containsEntry("companyBaseName",
                "Acme Holdings");
    }

    @Test
    void anIndustryNothingRecognisesIsFiledAsOtherAndSaysSo() {
        ValidatedLead lead = valid(aLead().attribute("industry", "We make widgets for widgets").build());

        assertThat(lead.attributes()).containsEntry("industry", "other");
        assertThat(lead.corrections()).extracting(ValidatedLead.Correction::reason)
                .contains("not recognised; filed as other");
    }

    @Test
    void anUnknownRoutingTierGoesToReviewListingTheAllowedValues() {
        assertThat(problems(aLead().attribute("routingTier", "vip").build())).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("'vip' is not one of [nurture, priority, self_serve, standard]"));
    }

    private ValidatedLead valid(LeadEvent lead) {
        ValidationResult result = validator.validate(lead);
        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        return ((ValidationResult.Valid) result).lead();
    }

    private List<FieldProblem> problems(LeadEvent lead) {
        ValidationResult result = validator.validate(lead);
        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        return ((ValidationResult.Invalid) result).problems();
    }

    static LeadBuilder aLead() {
        return new LeadBuilder();
    }

    /** A valid, consenting lead from a business address unless a test says otherwise. */
    static final class LeadBuilder {
        private String email = "jane@acme.com";
        private String company = "Acme";
        private String country = "US";
        private Optional<Boolean> consent = Optional.of(true);
        private final Map<String, String> attributes = new HashMap<>();

        LeadBuilder email(String value) {
            email = value;
            return this;
        }

        LeadBuilder company(String value) {
            company = value;
            return this;
        }

        LeadBuilder country(String value) {
            country = value;
            return this;
        }

        LeadBuilder consent(Optional<Boolean> value) {
            consent = value;
            return this;
        }

        LeadBuilder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        LeadEvent build() {
            return new LeadEvent("form", "f-1", Optional.of(Instant.parse("2026-01-05T10:15:30Z")),
                    Optional.ofNullable(email), Optional.of("Jane"), Optional.of("Doe"), Optional.ofNullable(company),
                    Optional.empty(), Optional.empty(), Optional.ofNullable(country), consent, attributes);
        }
    }
}
