package dev.orchestrator.adapter.enrichment.clearbit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.adapter.enrichment.support.Amounts;
import dev.orchestrator.adapter.enrichment.support.JsonLookup;
import dev.orchestrator.adapter.enrichment.support.Regions;
import dev.orchestrator.adapter.enrichment.support.Revenues;
import dev.orchestrator.adapter.enrichment.support.Technologies;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome;
import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Headquarters;
import dev.orchestrator.application.port.out.enrichment.RawResponse;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.crm.FundingStage;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.RevenueRange;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Clearbit Company API v2: {@code GET /v2/companies/find?domain=…} with the key as a bearer token. 200 is the
 * company, 202 means "queued, ask again", 404 means unknown, 422 an unusable domain, 429 slow down.
 */
final class ClearbitCompanyProvider implements EnrichmentProvider {
    static final String NAME = "clearbit";
    // Clearbit counts employees and reads geo from registries and the company site: strong; its revenue figure is
    // an estimate band and its industry a classification we map by keywords: weaker.
    private static final double EXACT = 0.9;
    private static final double CLASSIFIED = 0.8;
    private static final double ESTIMATED = 0.6;
    private static final double TECH = 0.7;

    private final ClearbitSettings settings;
    private final JsonLookup lookup;

    ClearbitCompanyProvider(ClearbitSettings settings, HttpClient http, Clock clock) {
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
                .request(settings.baseUrl(), "/v2/companies/find", domain, settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .build();
        return lookup.send(request, this::queued, "expected a company object", company -> Optional.of(map(company)));
    }

    private Optional<EnrichmentOutcome> queued(HttpResponse<String> response, RawResponse raw) {
        if (response.statusCode() != 202) {
            return Optional.empty();
        }
        return Optional.of(lookup.pending(response, raw));
    }

    static Firmographics map(JsonNode company) {
        Firmographics result = Firmographics.empty();
        JsonNode metrics = company.path("metrics");
        if (metrics.path("employees").canConvertToInt() && metrics.path("employees").isNumber()) {
            result = result.withEmployees(Sourced.of(metrics.path("employees").intValue(), NAME, EXACT));
        } else {
            Optional<Long> band = Amounts.midpoint(text(metrics, "employeesRange"));
            if (band.isPresent()) {
                result = result.withEmployees(Sourced.of(band.get().intValue(), NAME, ESTIMATED));
            }
        }

        JsonNode category = company.path("category");
        Optional<Industry> industry = Industry.fromLabel(text(category, "industry"))
                .or(() -> Industry.fromLabel(text(category, "subIndustry")));
        if (industry.isPresent()) {
            result = result.withIndustry(Sourced.of(industry.get(), NAME, CLASSIFIED));
        } else {
            Optional<Industry> broad = Industry.fromLabel(text(category, "industryGroup"))
                    .or(() -> Industry.fromLabel(text(category, "sector")));
            if (broad.isPresent()) {
                result = result.withIndustry(Sourced.of(broad.get(), NAME, ESTIMATED));
            }
        }

        Optional<Sourced<RevenueRange>> revenue = Revenues.figureOrPrinted(metrics.path("annualRevenue"),
                text(metrics, "estimatedAnnualRevenue"), NAME, EXACT, ESTIMATED);
        if (revenue.isPresent()) {
            result = result.withRevenueRange(revenue.get());
        }

        // Clearbit says whether a company is listed, not which round a private one has raised.
        if ("public".equals(text(company, "type"))) {
            result = result.withFundingStage(Sourced.of(FundingStage.PUBLIC, NAME, EXACT));
        }

        JsonNode geo = company.path("geo");
        Optional<String> country = Regions.countryCode(text(geo, "countryCode"))
                .or(() -> Regions.countryCode(text(geo, "country")));
        if (country.isPresent()) {
            Optional<String> region = Optional.ofNullable(text(geo, "stateCode"))
                    .filter(s -> !s.isBlank()).or(() -> Regions.region(text(geo, "state")));
            result = result.withHeadquarters(Sourced.of(new Headquarters(country.get(), region), NAME, EXACT));
        }

        List<String> tech = new ArrayList<>();
        company.path("tech").forEach(node -> {
            if (node.isTextual()) {
                tech.add(node.textValue());
            }
        });
        if (!tech.isEmpty()) {
            result = result.withTechnologies(Sourced.of(Technologies.slugs(tech), NAME, TECH));
        }
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }
}
