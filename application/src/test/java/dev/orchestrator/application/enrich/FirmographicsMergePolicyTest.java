package dev.orchestrator.application.enrich;

import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.aCompleteCompany;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.enrichment.FirmographicField;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FirmographicsMergePolicyTest {
    private final Firmographics enriched = aCompleteCompany("clearbit");

    @Test
    void an_empty_field_is_filled_with_provider_and_confidence() {
        List<FieldDecision> decisions = FirmographicsMergePolicy.conservative().decide(Map.of(), enriched);

        assertThat(decisions).contains(new FieldDecision.Apply(FirmographicField.EMPLOYEES, Optional.empty(), "240",
                "clearbit", 0.9, "fill-empty"));
        assertThat(FirmographicsMergePolicy.applied(decisions)).hasSize(6);
    }

    @Test
    void a_value_a_person_entered_is_kept() {
        List<FieldDecision> decisions = FirmographicsMergePolicy.conservative().decide(
                Map.of(FirmographicField.INDUSTRY, CurrentValue.enteredByPerson("software")), enriched);

        assertThat(decisions).contains(new FieldDecision.Keep(FirmographicField.INDUSTRY, "software",
                "manufacturing", "clearbit", 0.8, "person-entered-wins"));
    }

    @Test
    void a_trusted_refresh_field_overwrites_what_a_person_entered() {
        List<FieldDecision> decisions = new FirmographicsMergePolicy(Set.of(FirmographicField.EMPLOYEES), 0.0)
                .decide(Map.of(FirmographicField.EMPLOYEES, CurrentValue.enteredByPerson("50")), enriched);

        assertThat(decisions).contains(new FieldDecision.Apply(FirmographicField.EMPLOYEES, Optional.of("50"), "240",
                "clearbit", 0.9, "trusted-refresh"));
    }

    @Test
    void an_earlier_enrichment_is_refreshed() {
        List<FieldDecision> decisions = FirmographicsMergePolicy.conservative().decide(
                Map.of(FirmographicField.REVENUE_RANGE, CurrentValue.fromEnrichment("1m-10m")), enriched);

        assertThat(decisions).contains(new FieldDecision.Apply(FirmographicField.REVENUE_RANGE, Optional.of("1m-10m"),
                "10m-50m", "clearbit", 0.7, "refresh-enrichment"));
    }

    @Test
    void an_answer_below_the_minimum_confidence_changes_nothing() {
        Firmographics unsure = Firmographics.empty().withEmployees(Sourced.of(7, "apollo", 0.3));

        List<FieldDecision> decisions = new FirmographicsMergePolicy(Set.of(), 0.5).decide(Map.of(), unsure);

        assertThat(decisions).singleElement().isInstanceOf(FieldDecision.Keep.class)
                .extracting(FieldDecision::rule).isEqualTo("below-minimum-confidence");
    }

    @Test
    void fields_the_enrichment_does_not_know_are_not_listed() {
        Firmographics onlyEmployees = Firmographics.empty().withEmployees(Sourced.of(7, "apollo", 0.9));

        assertThat(FirmographicsMergePolicy.conservative().decide(Map.of(), onlyEmployees))
                .extracting(FieldDecision::field).containsExactly(FirmographicField.EMPLOYEES);
    }
}
