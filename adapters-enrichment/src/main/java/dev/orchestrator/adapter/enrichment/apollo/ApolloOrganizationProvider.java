package dev.orchestrator.adapter.enrichment.apollo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.adapter.enrichment.support.Amounts;
import dev.orchestrator.adapter.enrichment.support.HttpAnswers;
import dev.orchestrator.adapter.enrichment.support.Regions;
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
import dev.orchestrator.domain.shared.DomainViolation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;

    ApolloOrganizationProvider(ApolloSettings settings, HttpClient http, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EnrichmentOutcome lookup(RegistrableDomain domain) {
        HttpRequest request = HttpRequest.newBuilder(enrichUri(domain))
                .timeout(settings.requestTimeout())
                .header("x-api-key", settings.apiKey())
                .header("Accept", "application/json")
                .header("Cache-Control", "no-cache")
                .GET()
                .build();
        HttpAnswers.Exchange exchange = HttpAnswers.send(http, request, NAME);
        if (exchange instanceof HttpAnswers.Unanswered unanswered) {
            return unanswered.failure();
        }
        HttpResponse<String> response = ((HttpAnswers.Answered) exchange).response();
        RawResponse raw = HttpAnswers.raw(response);
        if (response.statusCode() == 200) {
            return answered(response, raw);
        }
        if (response.statusCode() == 404) {
            return new EnrichmentOutcome.NotFound(NAME, raw);
        }
        return HttpAnswers.unexpected(NAME, response, clock);
    }

    private URI enrichUri(RegistrableDomain domain) {
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/api/v1/organizations/enrich?domain="
                + URLEncoder.encode(domain.value(), StandardCharsets.UTF_8));
    }

    private EnrichmentOutcome answered(HttpResponse<String> response, RawResponse raw) {
        JsonNode body;
        try {
            body = json.readTree(raw.body());
        } catch (JsonProcessingException e) {
            return HttpAnswers.malformed(NAME, response, e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            return HttpAnswers.malformed(NAME, response, "expected a JSON object");
        }
        JsonNode organization = body.path("organization");
        if (!organization.isObject() || organization.isEmpty()) {
            return new EnrichmentOutcome.NotFound(NAME, raw);
        }
        try {
            return new EnrichmentOutcome.Found(NAME, map(organization), raw);
        } catch (DomainViolation e) {
            // A value no company can have (negative head count, bad country code): the body is not what we read.
            return HttpAnswers.malformed(NAME, response, e.getMessage());
        }
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
        if (org.path("annual_revenue").isNumber()) {
            result = result.withRevenueRange(Sourced.of(
                    RevenueRange.ofAnnualUsd(org.path("annual_revenue").longValue()), NAME, ESTIMATE));
        } else {
            Optional<Long> printed = Amounts.lowerBound(text(org, "annual_revenue_printed"));
            if (printed.isPresent()) {
                result = result.withRevenueRange(Sourced.of(RevenueRange.ofAnnualUsd(printed.get()), NAME,
                        PRINTED));
            }
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
