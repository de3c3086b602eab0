package dev.orchestrator.application.port.out.enrichment;

import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.aCompleteCompany;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.domain.crm.Industry;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirmographicsTest {

    @Test
    void filling_from_a_later_provider_keeps_fields_already_known() {
        Firmographics first = Firmographics.empty().withEmployees(Sourced.of(12, "clearbit", 0.9));
        Firmographics later = aCompleteCompany("apollo");

        Firmographics merged = first.fillMissingFrom(later);

        assertThat(merged.employees()).contains(Sourced.of(12, "clearbit", 0.9));
        assertThat(merged.industry()).contains(Sourced.of(Industry.MANUFACTURING, "apollo", 0.8));
        assertThat(merged.isComplete()).isTrue();
    }

    @Test
    void missing_lists_the_fields_no_provider_has_filled() {
        Firmographics known = Firmographics.empty().withEmployees(Sourced.of(12, "clearbit", 0.9));

        assertThat(known.missing()).doesNotContain(FirmographicField.EMPLOYEES).hasSize(5);
    }

    @Test
    void an_empty_technology_list_counts_as_missing() {
        Firmographics known = Firmographics.empty().withTechnologies(Sourced.of(List.of(), "apollo", 0.5));

        assertThat(known.missing()).contains(FirmographicField.TECHNOLOGIES);
    }
}
