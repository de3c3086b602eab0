package dev.orchestrator.adapter.enrichment.apollo;

import static dev.orchestrator.adapter.enrichment.testing.FakeProviderServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.enrichment.testing.FakeProviderServer;
import dev.orchestrator.adapter.enrichment.testing.FakeProviderServer.Reply;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.Failed;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.FailureKind;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.Found;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.NotFound;
import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Headquarters;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.crm.FundingStage;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.RevenueRange;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApolloOrganizationProviderTest {
    private static final String ENRICH = "/api/v1/organizations/enrich";
    private static final RegistrableDomain APOLLO = new RegistrableDomain("apollo.io");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:15:30Z"), ZoneOffset.UTC);

    private final FakeProviderServer server = FakeProviderServer.start();
    private final EnrichmentProvider apollo = ApolloAdapter.create(
            ApolloSettings.of(server.baseUrl() + "/", "apollo_test_key", Duration.ofMillis(500)),
            HttpClient.newHttpClient(), CLOCK);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_found_organization_is_mapped_onto_the_canonical_firmographics() {
        server.on(ENRICH, Reply.json(200, resource("apollo/organization-found.json")));

        Firmographics org = ((Found) apollo.lookup(APOLLO)).firmographics();

        assertThat(org.employees()).contains(Sourced.of(1600, "apollo", 0.75));
        assertThat(org.industry().map(Sourced::value)).contains(Industry.IT_SERVICES);
        assertThat(org.revenueRange().map(Sourced::value)).contains(RevenueRange.FROM_100M_TO_250M);
        assertThat(org.fundingStage()).contains(Sourced.of(FundingStage.SERIES_D_PLUS, "apollo", 0.8));
        assertThat(org.headquarters().map(Sourced::value)).contains(Headquarters.of("US", "CA"));
        assertThat(org.technologies().map(Sourced::value).orElseThrow())
                .containsExactly("cloudflare_dns", "gmail", "google_apps", "salesforce", "segment_io", "zendesk");
    }

    @Test
    void the_key_goes_in_the_x_api_key_header_and_the_domain_as_a_query_parameter() {
        server.on(ENRICH, Reply.json(200, "{}"));

        apollo.lookup(APOLLO);

        assertThat(server.requests()).singleElement().satisfies(seen -> {
            assertThat(seen.header("x-api-key")).isEqualTo("apollo_test_key");
            assertThat(seen.query()).isEqualTo("domain=apollo.io");
        });
    }

    @Test
    void an_answer_without_an_organization_is_not_found() {
        server.on(ENRICH, Reply.json(200, "{}"));

        assertThat(apollo.lookup(APOLLO)).isInstanceOf(NotFound.class);
    }

    @Test
    void an_empty_organization_is_not_found() {
        server.on(ENRICH, Reply.json(200, "{\"organization\":{}}"));

        assertThat(apollo.lookup(APOLLO)).isInstanceOf(NotFound.class);
    }

    @Test
    void a_rate_limit_is_retryable_after_the_retry_after_seconds() {
        server.on(ENRICH, Reply.json(429, "{\"error\":\"Rate limit exceeded\"}").withHeader("Retry-After", "60"));

        Failed failed = (Failed) apollo.lookup(APOLLO);

        assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failed.retryAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void a_refused_key_is_unauthorized() {
        server.on(ENRICH, Reply.json(403, "{\"error\":\"api/v1/organizations/enrich is not accessible with this api_key\"}"));

        assertThat(((Failed) apollo.lookup(APOLLO)).kind()).isEqualTo(FailureKind.UNAUTHORIZED);
    }

    @Test
    void an_invalid_domain_is_rejected() {
        server.on(ENRICH, Reply.json(422, "{\"error\":\"Invalid domain\"}"));

        assertThat(((Failed) apollo.lookup(APOLLO)).kind()).isEqualTo(FailureKind.REJECTED);
    }

    @Test
    void a_server_error_is_retryable() {
        server.on(ENRICH, Reply.json(502, "<html>Bad Gateway</html>"));

        assertThat(((Failed) apollo.lookup(APOLLO)).retryable()).isTrue();
    }

    @Test
    void a_malformed_body_is_reported_as_such() {
        server.on(ENRICH, Reply.json(200, "<html>maintenance</html>"));

        assertThat(((Failed) apollo.lookup(APOLLO)).kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
    }
}
