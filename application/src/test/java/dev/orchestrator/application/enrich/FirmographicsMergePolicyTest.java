package dev.orchestrator.application.enrich;

import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.aCompleteCompany;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.enrichment.FirmographicField;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FirmographicsMergePolicyTest {
    private static final Instant AT = Instant.parse("2026-01-05T10:15:30Z");
    private final Firmographics enriched = aCompleteCompany("clearbit");

    @Test
    void an_empty_field_is_filled_with_provider_and_confidence() {
        List<FieldDecision> decisions = FirmographicsMergePolicy.conservative().decide(Map.of(), enriched, AT);

        assertThat(decisions).contains(new FieldDecision.Apply(FirmographicField.EMPLOYEES, Optional.empty(), "240",
                "clearbit", 0.9, "fill-empty", "the field was empty"));
        assertThat(FirmographicsMergePolicy.applied(decisions)).hasSize(6);
    }

    @Test
    void a_value_a_person_entered_is_kept() {
        List<FieldDecision> decisions = FirmographicsMergePolicy.conservative().decide(
                Map.of(FirmographicField.INDUSTRY, CurrentValue.enteredByPerson("software")), enriched, AT);

        assertThat(decisions).contains(new FieldDecision.Keep(FirmographicField.INDUSTRY, "software",
                "manufacturing", "clearbit", 0.8, "source-priority", "crm-user outranks enrichment"));
    }

    @Test
    void a_trusted_refresh_field_overwrites_what_a_person_entered() {
        List<FieldDecision> decisions = new FirmographicsMergePolicy(Set.of(FirmographicField.EMPLOYEES), 0.0)
                .decide(Map.of(FirmographicField.EMPLOYEES, CurrentValue.enteredByPerson("50")), enriched, AT);

        assertThat(decisions).contains(new FieldDecision.Apply(FirmographicField.EMPLOYEES, Optional.of("50"), "240",
                "clearbit", 0.9, "trusted-refresh",
                "employees is trusted-refresh: enrichment keeps it current"));
    }

    @Test
    void an_earlier_enrichment_is_refreshed() {
        List<FieldDecision> decisions = FirmographicsMergePolicy.conservative().decide(
                Map.of(FirmographicField.REVENUE_RANGE, CurrentValue.fromEnrichment("1m-10m")), enriched, AT);

        assertThat(FirmographicsMergePolicy.applied(decisions)).filteredOn(d -> d.field() == FirmographicField.REVENUE_RANGE)
                .singleElement().satisfies(d -> {
                    assertThat(d.before()).hasValue("1m-10m");
                    assertThat(d.after()).isEqualTo("10m-50m");
                    assertThat(d.rule()).isEqualTo("source-priority");
                });
    }

    @Test
    void an_answer_below_the_minimum_confidence_changes_nothing() {
        Firmographics unsure = Firmographics.empty().withEmployees(Sourced.of(7, "apollo", 0.3));

        List<FieldDecision> decisions = new FirmographicsMergePolicy(Set.of(), 0.5).decide(Map.of(), unsure, AT);

        assertThat(decisions).singleElement().isInstanceOf(FieldDecision.Keep.class)
                .extracting(FieldDecision::rule).isEqualTo("below-minimum-confidence");
    }

    @Test
    void fields_the_enrichment_does_not_know_are_not_listed() {
        Firmographics onlyEmployees = Firmographics.empty().withEmployees(Sourced.of(7, "apollo", 0.9));

        assertThat(FirmographicsMergePolicy.conservative().decide(Map.of(), onlyEmployees, AT))
                .extracting(FieldDecision::field).containsExactly(FirmographicField.EMPLOYEES);
    }
}
