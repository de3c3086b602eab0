package dev.orchestrator.adapter.enrichment.sandbox;

import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Headquarters;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.crm.FundingStage;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.RevenueRange;
import dev.orchestrator.domain.shared.Require;
import java.util.List;

/**
 * One company of the shipped sandbox data set: the offline enrichment source, and the company population the
 * sandbox seed and dedupe tests draw on.
 */
public record SandboxCompany(String name, RegistrableDomain domain, int employees, Industry industry,
        RevenueRange revenueRange, FundingStage fundingStage, Headquarters headquarters, List<String> technologies) {

    public SandboxCompany {
        Require.notBlank("name", name);
        Require.present("domain", domain);
        Require.that(employees > 0, "employees", "must be positive");
        Require.present("industry", industry);
        Require.present("revenueRange", revenueRange);
        Require.present("fundingStage", fundingStage);
        Require.present("headquarters", headquarters);
        technologies = List.copyOf(Require.present("technologies", technologies));
    }

    /** Every field, attributed to {@code provider} with one confidence: the file is curated, not measured. */
    public Firmographics firmographics(String provider, double confidence) {
        Firmographics result = Firmographics.empty()
                .withEmployees(Sourced.of(employees, provider, confidence))
                .withIndustry(Sourced.of(industry, provider, confidence))
                .withRevenueRange(Sourced.of(revenueRange, provider, confidence))
                .withFundingStage(Sourced.of(fundingStage, provider, confidence))
                .withHeadquarters(Sourced.of(headquarters, provider, confidence));
        return technologies.isEmpty() ? result
                : result.withTechnologies(Sourced.of(technologies, provider, confidence));
    }
}
