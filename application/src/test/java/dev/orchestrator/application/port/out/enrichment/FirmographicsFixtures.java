package dev.orchestrator.application.port.out.enrichment;

import dev.orchestrator.domain.crm.FundingStage;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.RevenueRange;
import java.time.Instant;
import java.util.List;

/** Shared test data for enrichment: a fully known company and a fixed clock instant. */
public final class FirmographicsFixtures {
    public static final Instant NOW = Instant.parse("2026-01-05T10:15:30Z");

    private FirmographicsFixtures() {
    }

    public static Firmographics aCompleteCompany(String provider) {
        return Firmographics.empty()
                .withEmployees(Sourced.of(240, provider, 0.9))
                .withIndustry(Sourced.of(Industry.MANUFACTURING, provider, 0.8))
                .withRevenueRange(Sourced.of(RevenueRange.FROM_10M_TO_50M, provider, 0.7))
                .withFundingStage(Sourced.of(FundingStage.SERIES_B, provider, 0.8))
                .withHeadquarters(Sourced.of(Headquarters.of("DE", "BY"), provider, 0.9))
                .withTechnologies(Sourced.of(List.of("salesforce", "google_apps"), provider, 0.6));
    }

    public static RegistrableDomain domain(String value) {
        return new RegistrableDomain(value);
    }
}
