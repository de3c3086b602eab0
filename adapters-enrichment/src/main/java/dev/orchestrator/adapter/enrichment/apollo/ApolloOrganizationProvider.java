package dev.orchestrator.adapter.enrichment.apollo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.adapter.enrichment.support.JsonLookup;
import dev.orchestrator.adapter.enrichment.support.Regions;
import dev.orchestrator.adapter.enrichment.support.Revenues;
import dev.orchestrator.adapter.enrichment.support.Technologies;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome;
import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Headquarters;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.crm.FundingStage;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.RevenueRange;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Apollo organization enrichment: {@code GET /api/v1/organizations/enrich?domain=…} with {@code x-api-key}. A
 * company Apollo does not know comes back as 200 without an {@code organization} (or an empty one), not as 404.
 */
final class ApolloOrganizationProvider implements EnrichmentProvider {
    static final String NAME = "apollo";
    // Apollo's head counts and revenue are modelled estimates; its funding data comes from funding events: good.
    private static final double ESTIMATE = 0.75;
    private static final double PRINTED = 0.6;
    private static final double FUNDING = 0.8;
    private static final double LOCATION = 0.8;
    private static final double TECH = 0.6;

    private final ApolloSettings settings;
    private final JsonLookup lookup;

    ApolloOrganizationProvider(ApolloSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.lookup = new JsonLookup(NAME, http, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EnrichmentOutcome lookup(RegistrableDomain domain) {
        HttpRequest request = JsonLookup
                .request(settings.baseUrl(), "/api/v1/organizations/enrich", domain, settings.requestTimeout())
                .header("x-api-key", settings.apiKey())
                .header("Cache-Control", "no-cache")
                .build();
        return lookup.send(request, "expected a JSON object", ApolloOrganizationProvider::organization);
    }

    private static Optional<Firmographics> organization(JsonNode body) {
        JsonNode organization = body.path("organization");
        if (!organization.isObject() || organization.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(map(organization));
    }

    static Firmographics map(JsonNode org) {
        Firmographics result = Firmographics.empty();
        if (org.path("estimated_num_employees").isNumber()) {
            result = result.withEmployees(Sourced.of(org.path("estimated_num_employees").intValue(), NAME,
                    ESTIMATE));
        }
        Optional<Industry> industry = Industry.fromLabel(text(org, "industry"));
        if (industry.isPresent()) {
            result = result.withIndustry(Sourced.of(industry.get(), NAME, ESTIMATE));
        }
        Optional<Sourced<RevenueRange>> revenue = Revenues.figureOrPrinted(org.path("annual_revenue"),
                text(org, "annual_revenue_printed"), NAME, ESTIMATE, PRINTED);
        if (revenue.isPresent()) {
            result = result.withRevenueRange(revenue.get());
        }
        Optional<FundingStage> stage = FundingStage.fromLabel(text(org, "latest_funding_stage"));
        if (stage.isEmpty() && text(org, "publicly_traded_symbol") != null) {
            stage = Optional.of(FundingStage.PUBLIC);
        }
        if (stage.isPresent()) {
            result = result.withFundingStage(Sourced.of(stage.get(), NAME, FUNDING));
        }
        Optional<String> country = Regions.countryCode(text(org, "country"));
        if (country.isPresent()) {
            result = result.withHeadquarters(Sourced.of(
                    new Headquarters(country.get(), Regions.region(text(org, "state"))), NAME, LOCATION));
        }
        List<String> tech = new ArrayList<>();
        org.path("technology_names").forEach(node -> {
            if (node.isTextual()) {
                tech.add(node.textValue());
            }
        });
        if (tech.isEmpty()) {
            org.path("current_technologies").forEach(node -> {
                if (node.path("name").isTextual()) {
                    tech.add(node.path("name").textValue());
                }
            });
        }
        if (!tech.isEmpty()) {
            result = result.withTechnologies(Sourced.of(Technologies.slugs(tech), NAME, TECH));
        }
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }
}
