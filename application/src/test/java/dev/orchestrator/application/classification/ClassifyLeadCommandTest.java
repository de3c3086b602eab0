package dev.orchestrator.application.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.in.ClassifyLeadCommand;
import dev.orchestrator.application.port.out.CompanyDirectory.KnownCompany;
import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.rules.LeadFacts;
import dev.orchestrator.application.validate.ValidatedLead;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassifyLeadCommandTest {

    private static ValidatedLead lead(Map<String, String> attributes) {
        return new ValidatedLead(new EmailAddress("jane@acme.com"), PersonName.of("Jane", "Doe"),
                Optional.of("Acme Inc"), Optional.of("acme.com"), Optional.of("+14155552671"), Optional.of("US"),
                Optional.of(true), attributes, List.of());
    }

    private static final KnownCompany ACME = new KnownCompany("acme.com", Optional.of("Acme Corporation"),
            Optional.empty(), Optional.of(450), Optional.of("software"), Optional.empty(), Optional.empty(),
            Optional.of("US"), Optional.empty(), List.of("snowflake"), Instant.parse("2026-11-20T10:00:00Z"));

    @Test
    void the_form_message_and_canonical_fields_reach_the_classifier() {
        ClassificationInput input = ClassifyLeadCommand.forLead(lead(Map.of("message", "  Need SOC 2 help  ",
                "budgetRange", "50k-100k", "urgency", "this quarter")), Optional.of(ACME)).input();

        assertThat(input.message()).isEqualTo("Need SOC 2 help");
        assertThat(input.companyName()).contains("Acme Corporation");
        assertThat(input.companyDomain()).contains("acme.com");
        assertThat(input.fields()).containsEntry("country", "US").containsEntry("budgetRange", "50k-100k")
                .containsEntry("urgency", "this quarter").containsEntry("industry", "software")
                .containsEntry("employees", "450").containsEntry("technologies", "snowflake");
    }

    @Test
    void personal_data_beyond_the_message_never_reaches_the_classifier() {
        ClassificationInput input = ClassifyLeadCommand.forLead(lead(Map.of("message", "hello")), Optional.empty())
                .input();

        assertThat(input.toString()).doesNotContain("jane@acme.com").doesNotContain("+14155552671")
                .doesNotContain("Jane");
    }

    @Test
    void without_enrichment_the_lead_names_its_company() {
        ClassificationInput input = ClassifyLeadCommand.forLead(lead(Map.of()), Optional.empty()).input();

        assertThat(input.message()).isEmpty();
        assertThat(input.companyName()).contains("Acme Inc");
        assertThat(input.companyDomain()).contains("acme.com");
    }

    @Test
    void a_contact_s_stored_facts_give_the_same_input_as_the_lead_did() {
        ValidatedLead lead = lead(Map.of("message", "Need SOC 2 help", "urgency", "asap"));

        assertThat(ClassifyLeadCommand.forFacts(LeadFacts.record(lead), Optional.of(ACME)))
                .isEqualTo(ClassifyLeadCommand.forLead(lead, Optional.of(ACME)));
        assertThat(ClassifyLeadCommand.forFacts(LeadFacts.record(lead), Optional.empty()).input().hash())
                .isEqualTo(ClassifyLeadCommand.forLead(lead, Optional.empty()).input().hash());
    }

    @Test
    void equal_inputs_hash_alike_and_any_difference_changes_the_hash() {
        ClassificationInput a = new ClassificationInput("hi", Optional.of("ab"), Optional.of("c"), Map.of("x", "1"));
        ClassificationInput same = new ClassificationInput("hi", Optional.of("ab"), Optional.of("c"),
                Map.of("x", "1"));
        ClassificationInput shifted = new ClassificationInput("hi", Optional.of("a"), Optional.of("bc"),
                Map.of("x", "1"));

        assertThat(a.hash()).isEqualTo(same.hash()).hasSize(64).isNotEqualTo(shifted.hash());
    }

    @Test
    void a_very_long_message_is_cut_to_the_limit() {
        ClassificationInput input = new ClassificationInput("y".repeat(10_000), Optional.empty(), Optional.empty(),
                Map.of());

        assertThat(input.message()).hasSize(ClassificationInput.MAX_MESSAGE);
    }
}
