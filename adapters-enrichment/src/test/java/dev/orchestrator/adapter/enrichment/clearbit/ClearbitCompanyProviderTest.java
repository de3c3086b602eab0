package dev.orchestrator.adapter.enrichment.clearbit;

import static dev.orchestrator.adapter.enrichment.testing.FakeProviderServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.enrichment.testing.FakeProviderServer;
import dev.orchestrator.adapter.enrichment.testing.FakeProviderServer.Reply;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.Failed;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.FailureKind;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.Found;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.NotFound;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.Pending;
import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.Headquarters;
import dev.orchestrator.application.port.out.enrichment.RawResponse;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.RevenueRange;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClearbitCompanyProviderTest {
    private static final String FIND = "/v2/companies/find";
    private static final RegistrableDomain UBER = new RegistrableDomain("uber.com");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:15:30Z"), ZoneOffset.UTC);

    private final FakeProviderServer server = FakeProviderServer.start();
    private final EnrichmentProvider clearbit = ClearbitAdapter.create(
            ClearbitSettings.of(server.baseUrl().toString(), "sk_test_clearbit", Duration.ofMillis(500)),
            HttpClient.newHttpClient(), CLOCK);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_found_company_is_mapped_onto_the_canonical_firmographics() {
        server.on(FIND, Reply.json(200, resource("clearbit/company-found.json")));

        Firmographics company = ((Found) clearbit.lookup(UBER)).firmographics();

        assertThat(company.employees()).contains(Sourced.of(22263, "clearbit", 0.9));
        assertThat(company.industry().map(Sourced::value)).contains(Industry.TRANSPORTATION);
        assertThat(company.revenueRange().map(Sourced::value)).contains(RevenueRange.OVER_10B);
        assertThat(company.headquarters().map(Sourced::value)).contains(Headquarters.of("US", "CA"));
        assertThat(company.technologies().map(Sourced::value).orElseThrow())
                .containsExactly("google_apps", "salesforce", "marketo", "optimizely", "segment", "amazon_s3");
    }

    @Test
    void a_private_company_leaves_the_funding_stage_for_another_provider() {
        server.on(FIND, Reply.json(200, resource("clearbit/company-found.json")));

        assertThat(((Found) clearbit.lookup(UBER)).firmographics().fundingStage()).isEmpty();
    }

    @Test
    void the_raw_body_is_kept_for_the_audit() {
        server.on(FIND, Reply.json(200, resource("clearbit/company-found.json")));

        Found found = (Found) clearbit.lookup(UBER);

        assertThat(found.response().status()).isEqualTo(200);
        assertThat(found.response().body()).contains("\"legalName\": \"Uber Technologies, Inc.\"");
    }

    @Test
    void the_key_goes_as_a_bearer_token_and_the_domain_as_a_query_parameter() {
        server.on(FIND, Reply.empty(404));

        clearbit.lookup(UBER);

        assertThat(server.requests()).singleElement().satisfies(seen -> {
            assertThat(seen.header("Authorization")).isEqualTo("Bearer sk_test_clearbit");
            assertThat(seen.query()).isEqualTo("domain=uber.com");
        });
    }

    @Test
    void a_queued_lookup_is_pending_with_the_wait_clearbit_asked_for() {
        server.on(FIND, Reply.empty(202).withHeader("Retry-After", "120"));

        assertThat(clearbit.lookup(UBER)).isEqualTo(
                new Pending("clearbit", Optional.of(Duration.ofSeconds(120)),
                        new RawResponse(202, "")));
    }

    @Test
    void asking_again_after_a_queued_lookup_gets_the_company() {
        server.on(FIND, Reply.empty(202), Reply.json(200, resource("clearbit/company-found.json")));

        EnrichmentOutcome first = clearbit.lookup(UBER);
        EnrichmentOutcome second = clearbit.lookup(UBER);

        assertThat(first).isInstanceOf(Pending.class);
        assertThat(second).isInstanceOf(Found.class);
    }

    @Test
    void an_unknown_company_is_not_found() {
        server.on(FIND, Reply.json(404,
                "{\"error\":{\"type\":\"unknown_record\",\"message\":\"Unknown domain.\"}}"));

        assertThat(clearbit.lookup(UBER)).isInstanceOf(NotFound.class);
    }

    @Test
    void an_unusable_domain_is_rejected_and_not_retried() {
        server.on(FIND, Reply.json(422,
                "{\"error\":{\"type\":\"invalid_domain\",\"message\":\"Invalid domain.\"}}"));

        Failed failed = (Failed) clearbit.lookup(UBER);

        assertThat(failed.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void a_rate_limit_is_retryable_after_the_retry_after_seconds() {
        server.on(FIND, Reply.json(429, "{\"error\":{\"type\":\"rate_limit\",\"message\":\"Rate limit exceeded.\"}}")
                .withHeader("Retry-After", "30"));

        Failed failed = (Failed) clearbit.lookup(UBER);

        assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failed.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void a_rate_limit_without_retry_after_uses_the_reset_epoch() {
        server.on(FIND, Reply.empty(429).withHeader("X-RateLimit-Reset",
                String.valueOf(CLOCK.instant().plusSeconds(45).getEpochSecond())));

        assertThat(((Failed) clearbit.lookup(UBER)).retryAfter()).contains(Duration.ofSeconds(45));
    }

    @Test
    void a_refused_key_is_unauthorized() {
        server.on(FIND, Reply.json(401,
                "{\"error\":{\"type\":\"auth_required\",\"message\":\"Authentication is required.\"}}"));

        assertThat(((Failed) clearbit.lookup(UBER)).kind()).isEqualTo(FailureKind.UNAUTHORIZED);
    }

    @Test
    void a_server_error_is_retryable() {
        server.on(FIND, Reply.json(500, "{\"error\":{\"type\":\"server_error\"}}"));

        Failed failed = (Failed) clearbit.lookup(UBER);

        assertThat(failed.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void a_malformed_body_is_reported_as_such() {
        server.on(FIND, Reply.json(200, "{\"name\": \"Uber\", \"metrics\": {"));

        assertThat(((Failed) clearbit.lookup(UBER)).kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
    }

    @Test
    void a_body_with_impossible_values_is_reported_as_malformed() {
        server.on(FIND, Reply.json(200, "{\"metrics\": {\"employees\": -5}}"));

        assertThat(((Failed) clearbit.lookup(UBER)).kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
    }

    @Test
    void a_request_slower_than_the_timeout_fails_as_a_timeout() {
        server.on(FIND, Reply.json(200, resource("clearbit/company-found.json")).after(Duration.ofSeconds(3)));

        assertThat(((Failed) clearbit.lookup(UBER)).kind()).isEqualTo(FailureKind.TIMEOUT);
    }
}
