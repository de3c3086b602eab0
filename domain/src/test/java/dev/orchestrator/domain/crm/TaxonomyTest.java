package dev.orchestrator.domain.crm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxonomyTest {

    @Test
    void provider_industry_labels_map_onto_the_intake_taxonomy() {
        assertThat(Industry.fromLabel("Internet Software & Services")).contains(Industry.SOFTWARE);
        assertThat(Industry.fromLabel("machinery")).contains(Industry.MANUFACTURING);
        assertThat(Industry.fromLabel("hospital & health care")).contains(Industry.HEALTHCARE);
        assertThat(Industry.fromLabel("Banking")).contains(Industry.FINANCIAL_SERVICES);
    }

    @Test
    void an_unrecognised_industry_label_is_left_empty() {
        assertThat(Industry.fromLabel("xyzzy")).isEmpty();
    }

    @Test
    void revenue_is_bucketed_with_the_lower_bound_inclusive() {
        assertThat(RevenueRange.ofAnnualUsd(10_000_000L)).isEqualTo(RevenueRange.FROM_10M_TO_50M);
        assertThat(RevenueRange.ofAnnualUsd(9_999_999L)).isEqualTo(RevenueRange.FROM_1M_TO_10M);
    }

    @Test
    void funding_labels_from_providers_map_onto_stages() {
        assertThat(FundingStage.fromLabel("Series B")).contains(FundingStage.SERIES_B);
        assertThat(FundingStage.fromLabel("Series F")).contains(FundingStage.SERIES_D_PLUS);
        assertThat(FundingStage.fromLabel("Post-IPO Equity")).contains(FundingStage.PUBLIC);
        assertThat(FundingStage.fromLabel("Pre Seed")).contains(FundingStage.ANGEL);
        assertThat(FundingStage.fromLabel("Series Unknown")).contains(FundingStage.VENTURE_UNDISCLOSED);
    }

    @Test
    void a_funding_label_that_names_no_stage_is_left_empty() {
        assertThat(FundingStage.fromLabel("Other")).isEmpty();
    }
}
