package dev.orchestrator.adapter.enrichment;

import static dev.orchestrator.adapter.enrichment.testing.FakeProviderServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.enrichment.apollo.ApolloSettings;
import dev.orchestrator.adapter.enrichment.clearbit.ClearbitSettings;
import dev.orchestrator.adapter.enrichment.testing.FakeProviderServer;
import dev.orchestrator.adapter.enrichment.testing.FakeProviderServer.Reply;
import dev.orchestrator.adapter.enrichment.testing.MutableClock;
import dev.orchestrator.application.port.out.enrichment.CachedEnrichment;
import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.Failed;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.FailureKind;
import dev.orchestrator.application.port.out.enrichment.EnrichmentReport;
import dev.orchestrator.application.port.out.enrichment.EnrichmentReport.Source;
import dev.orchestrator.application.port.out.enrichment.FirmographicField;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures;
import dev.orchestrator.application.port.out.enrichment.InMemoryEnrichmentCache;
import dev.orchestrator.application.port.out.enrichment.ProviderAttempt;
import dev.orchestrator.application.port.out.enrichment.ProviderStats;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.application.port.out.enrichment.Sourced;
import dev.orchestrator.domain.crm.FundingStage;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaterfallEnricherTest {
    private static final String CLEARBIT_FIND = "/v2/companies/find";
    private static final String APOLLO_ENRICH = "/api/v1/organizations/enrich";
    private static final RegistrableDomain ACME = new RegistrableDomain("acme.com");
    private static final Duration POSITIVE_TTL = Duration.ofDays(30);
    private static final Duration NEGATIVE_TTL = Duration.ofDays(1);

    private final FakeProviderServer clearbitServer = FakeProviderServer.start();
    private final FakeProviderServer apolloServer = FakeProviderServer.start();
    private final MutableClock clock = new MutableClock(FirmographicsFixtures.NOW);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final InMemoryEnrichmentCache persistent = new InMemoryEnrichmentCache();
    private final CompletableFuture<EnrichmentReport> firstLateReport = new CompletableFuture<>();

    @AfterEach
    void stop() {
        clearbitServer.close();
        apolloServer.close();
        executor.shutdownNow();
    }

    @Test
    void the_second_provider_fills_only_the_fields_the_first_left_missing() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(200, resource("clearbit/company-found.json")));
        apolloServer.on(APOLLO_ENRICH, Reply.json(200, resource("apollo/organization-found.json")));

        EnrichmentReport report = waterfall(List.of(clearbit(), apollo())).enrich(ACME);

        Firmographics merged = report.firmographics();
        assertThat(merged.employees().map(Sourced::provider)).contains("clearbit");
        assertThat(merged.industry().map(Sourced::provider)).contains("clearbit");
        assertThat(merged.headquarters().map(Sourced::provider)).contains("clearbit");
        assertThat(merged.fundingStage()).contains(Sourced.of(FundingStage.SERIES_D_PLUS, "apollo", 0.8));
        assertThat(merged.isComplete()).isTrue();
    }

    @Test
    void the_second_provider_is_asked_only_for_the_missing_fields() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(200, resource("clearbit/company-found.json")));
        apolloServer.on(APOLLO_ENRICH, Reply.json(200, resource("apollo/organization-found.json")));

        EnrichmentReport report = waterfall(List.of(clearbit(), apollo())).enrich(ACME);

        assertThat(report.attempts()).extracting(ProviderAttempt::provider).containsExactly("clearbit", "apollo");
        assertThat(report.attempts().get(1).wanted()).containsExactly(FirmographicField.FUNDING_STAGE);
    }

    @Test
    void a_provider_is_not_called_once_every_field_is_filled() {
        apolloServer.on(APOLLO_ENRICH, Reply.json(200, resource("apollo/organization-found.json")));
        clearbitServer.on(CLEARBIT_FIND, Reply.json(200, resource("clearbit/company-found.json")));

        waterfall(List.of(apollo(), clearbit())).enrich(ACME);

        assertThat(clearbitServer.calls()).isZero();
    }

    @Test
    void the_raw_answer_of_every_provider_is_kept_in_the_report() {
        clearbitServer.on(CLEARBIT_FIND, Reply.empty(404));
        apolloServer.on(APOLLO_ENRICH, Reply.json(200, resource("apollo/organization-found.json")));

        EnrichmentReport report = waterfall(List.of(clearbit(), apollo())).enrich(ACME);

        assertThat(report.attempts()).hasSize(2);
        assertThat(report.attempts().get(1).outcome().toString()).contains("Apollo.io");
    }

    @Test
    void a_slow_provider_times_out_and_the_next_one_answers() {
        clearbitServer.on(CLEARBIT_FIND,
                Reply.json(200, resource("clearbit/company-found.json")).after(Duration.ofSeconds(3)));
        apolloServer.on(APOLLO_ENRICH, Reply.json(200, resource("apollo/organization-found.json")));
        ProviderSlot slowClearbit = new ProviderSlot(EnrichmentAdapters.clearbit(
                ClearbitSettings.of(clearbitServer.baseUrl().toString(), "ck", Duration.ofSeconds(10)), http, clock),
                ProviderPolicy.withTimeout(Duration.ofMillis(100)));

        EnrichmentReport report = waterfall(List.of(slowClearbit, apollo())).enrich(ACME);

        assertThat(((Failed) report.attempts().get(0).outcome()).kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(report.firmographics().employees().map(Sourced::provider)).contains("apollo");
    }

    @Test
    void at_the_deadline_the_caller_gets_what_is_known_without_the_slow_fields() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(200, "{\"metrics\":{\"employees\":42}}"));
        apolloServer.on(APOLLO_ENRICH,
                Reply.json(200, resource("apollo/organization-found.json")).after(Duration.ofSeconds(1)));

        EnrichmentReport report = waterfall(List.of(clearbit(), apolloWithTimeout(Duration.ofSeconds(10))),
                Duration.ofMillis(200)).enrich(ACME);

        assertThat(report.finished()).isFalse();
        assertThat(report.firmographics().employees()).contains(Sourced.of(42, "clearbit", 0.9));
        assertThat(report.firmographics().industry()).isEmpty();
    }

    @Test
    void after_the_deadline_the_finished_report_reaches_the_listener() throws Exception {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(200, "{\"metrics\":{\"employees\":42}}"));
        apolloServer.on(APOLLO_ENRICH,
                Reply.json(200, resource("apollo/organization-found.json")).after(Duration.ofMillis(500)));

        waterfall(List.of(clearbit(), apolloWithTimeout(Duration.ofSeconds(10))), Duration.ofMillis(100))
                .enrich(ACME);

        EnrichmentReport late = firstLateReport.get(10, TimeUnit.SECONDS);
        assertThat(late.finished()).isTrue();
        assertThat(late.firmographics().employees()).contains(Sourced.of(42, "clearbit", 0.9));
        assertThat(late.firmographics().industry().map(Sourced::provider)).contains("apollo");
    }

    @Test
    void a_late_result_is_cached_for_the_next_lead() throws Exception {
        clearbitServer.on(CLEARBIT_FIND,
                Reply.json(200, resource("clearbit/company-found.json")).after(Duration.ofMillis(500)));
        CompanyEnricher enricher = waterfall(List.of(clearbitWithTimeout(Duration.ofSeconds(10))),
                Duration.ofMillis(100));

        enricher.enrich(ACME);
        firstLateReport.get(10, TimeUnit.SECONDS);
        EnrichmentReport next = enricher.enrich(ACME);

        assertThat(next.source()).isEqualTo(Source.CACHE);
        assertThat(clearbitServer.calls()).isEqualTo(1);
    }

    @Test
    void a_second_lead_from_the_same_company_is_answered_from_cache_without_a_provider_call() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(200, resource("clearbit/company-found.json")));
        CompanyEnricher enricher = waterfall(List.of(clearbit()));

        EnrichmentReport first = enricher.enrich(ACME);
        EnrichmentReport second = enricher.enrich(ACME);

        assertThat(clearbitServer.calls()).isEqualTo(1);
        assertThat(second.source()).isEqualTo(Source.CACHE);
        assertThat(second.firmographics()).isEqualTo(first.firmographics());
    }

    @Test
    void a_company_in_the_persistent_cache_costs_no_provider_call() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(200, resource("clearbit/company-found.json")));
        persistent.store(new CachedEnrichment(ACME, FirmographicsFixtures.aCompleteCompany("clearbit"),
                clock.instant(), clock.instant().plus(POSITIVE_TTL)));

        EnrichmentReport report = waterfall(List.of(clearbit())).enrich(ACME);

        assertThat(clearbitServer.calls()).isZero();
        assertThat(report.firmographics()).isEqualTo(FirmographicsFixtures.aCompleteCompany("clearbit"));
    }

    @Test
    void a_found_company_is_stored_in_the_persistent_cache_for_the_positive_ttl() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(200, resource("clearbit/company-found.json")));

        waterfall(List.of(clearbit())).enrich(ACME);

        assertThat(persistent.find(ACME, clock.instant())).hasValueSatisfying(entry ->
                assertThat(entry.expiresAt()).isEqualTo(clock.instant().plus(POSITIVE_TTL)));
    }

    @Test
    void an_unknown_company_is_cached_as_negative_for_the_shorter_ttl() {
        clearbitServer.on(CLEARBIT_FIND, Reply.empty(404));
        apolloServer.on(APOLLO_ENRICH, Reply.json(200, "{}"));

        waterfall(List.of(clearbit(), apollo())).enrich(ACME);

        assertThat(persistent.find(ACME, clock.instant())).hasValueSatisfying(entry -> {
            assertThat(entry.negative()).isTrue();
            assertThat(entry.expiresAt()).isEqualTo(clock.instant().plus(NEGATIVE_TTL));
        });
    }

    @Test
    void a_negative_answer_saves_the_provider_call_until_it_expires() {
        clearbitServer.on(CLEARBIT_FIND, Reply.empty(404));
        CompanyEnricher enricher = waterfall(List.of(clearbit()));

        enricher.enrich(ACME);
        enricher.enrich(ACME);
        clock.advance(NEGATIVE_TTL.plusSeconds(1));
        enricher.enrich(ACME);

        assertThat(clearbitServer.calls()).isEqualTo(2);
    }

    @Test
    void a_queued_lookup_is_not_cached_so_the_next_lead_asks_again() {
        clearbitServer.on(CLEARBIT_FIND, Reply.empty(202), Reply.json(200, resource("clearbit/company-found.json")));
        CompanyEnricher enricher = waterfall(List.of(clearbit()));

        EnrichmentReport first = enricher.enrich(ACME);
        EnrichmentReport second = enricher.enrich(ACME);

        assertThat(first.firmographics().isEmpty()).isTrue();
        assertThat(second.firmographics().employees()).isPresent();
        assertThat(clearbitServer.calls()).isEqualTo(2);
    }

    @Test
    void a_server_error_falls_through_to_the_next_provider_and_is_not_cached_as_negative() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(503, "{\"error\":{\"type\":\"unavailable\"}}"));
        apolloServer.on(APOLLO_ENRICH, Reply.json(200, "{}"));

        EnrichmentReport report = waterfall(List.of(clearbit(), apollo())).enrich(ACME);

        assertThat(apolloServer.calls()).isEqualTo(1);
        assertThat(report.firmographics().isEmpty()).isTrue();
        assertThat(persistent.find(ACME, clock.instant())).isEmpty();
    }

    @Test
    void a_rate_limited_provider_is_not_called_again_before_retry_after() {
        clearbitServer.on(CLEARBIT_FIND, Reply.empty(429).withHeader("Retry-After", "60"),
                Reply.json(200, resource("clearbit/company-found.json")));
        CompanyEnricher enricher = waterfall(List.of(clearbit()));

        enricher.enrich(ACME);
        EnrichmentReport paused = enricher.enrich(new RegistrableDomain("globex.com"));
        clock.advance(Duration.ofSeconds(61));
        EnrichmentReport resumed = enricher.enrich(new RegistrableDomain("globex.com"));

        assertThat(((Failed) paused.attempts().get(0).outcome()).kind()).isEqualTo(FailureKind.SKIPPED);
        assertThat(resumed.firmographics().employees()).isPresent();
        assertThat(clearbitServer.calls()).isEqualTo(2);
    }

    @Test
    void a_refused_key_marks_the_provider_unhealthy() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(401, "{\"error\":{\"type\":\"auth_required\"}}"));
        CompanyEnricher enricher = waterfall(List.of(clearbit()));

        enricher.enrich(ACME);

        assertThat(enricher.stats().providers()).singleElement()
                .satisfies(stats -> assertThat(stats.healthy()).isFalse());
    }

    @Test
    void a_forbidden_key_puts_the_reason_in_the_providers_health_detail_at_once() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(403, "{\"error\":{\"type\":\"forbidden\"}}"));
        CompanyEnricher enricher = waterfall(List.of(clearbit()));

        enricher.enrich(ACME);

        assertThat(enricher.stats().providers()).singleElement().satisfies(stats -> {
            assertThat(stats.healthy()).isFalse();
            assertThat(stats.detail()).startsWith("key refused (alert raised at ").contains("403");
        });
    }

    @Test
    void a_provider_stops_being_called_once_its_daily_budget_is_spent() {
        clearbitServer.on(CLEARBIT_FIND, Reply.empty(404));
        ProviderSlot budgeted = new ProviderSlot(clearbit().provider(),
                ProviderPolicy.withTimeout(Duration.ofSeconds(2)).withDailyBudget(2));
        CompanyEnricher enricher = waterfall(List.of(budgeted));

        for (String domain : List.of("a-co.com", "b-co.com", "c-co.com")) {
            enricher.enrich(new RegistrableDomain(domain));
        }

        assertThat(clearbitServer.calls()).isEqualTo(2);
        assertThat(enricher.stats().providers().get(0).skipped()).isEqualTo(1);
    }

    @Test
    void the_daily_budget_starts_again_the_next_day() {
        clearbitServer.on(CLEARBIT_FIND, Reply.empty(404));
        ProviderSlot budgeted = new ProviderSlot(clearbit().provider(),
                ProviderPolicy.withTimeout(Duration.ofSeconds(2)).withDailyBudget(1));
        CompanyEnricher enricher = waterfall(List.of(budgeted));

        enricher.enrich(new RegistrableDomain("a-co.com"));
        clock.advance(Duration.ofDays(1));
        enricher.enrich(new RegistrableDomain("b-co.com"));

        assertThat(clearbitServer.calls()).isEqualTo(2);
    }

    @Test
    void a_switched_off_provider_is_never_called() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(200, resource("clearbit/company-found.json")));
        apolloServer.on(APOLLO_ENRICH, Reply.json(200, resource("apollo/organization-found.json")));
        ProviderSlot off = new ProviderSlot(clearbit().provider(), ProviderPolicy.defaults().switchedOff());

        EnrichmentReport report = waterfall(List.of(off, apollo())).enrich(ACME);

        assertThat(clearbitServer.calls()).isZero();
        assertThat(report.firmographics().employees().map(Sourced::provider)).contains("apollo");
    }

    @Test
    void leads_from_one_company_arriving_together_share_one_provider_call() throws Exception {
        clearbitServer.on(CLEARBIT_FIND,
                Reply.json(200, resource("clearbit/company-found.json")).after(Duration.ofMillis(300)));
        CompanyEnricher enricher = waterfall(List.of(clearbit()));

        CompletableFuture<EnrichmentReport> first = CompletableFuture.supplyAsync(() -> enricher.enrich(ACME));
        CompletableFuture<EnrichmentReport> second = CompletableFuture.supplyAsync(() -> enricher.enrich(ACME));

        assertThat(first.get(10, TimeUnit.SECONDS).firmographics())
                .isEqualTo(second.get(10, TimeUnit.SECONDS).firmographics());
        assertThat(clearbitServer.calls()).isEqualTo(1);
    }

    @Test
    void stats_count_provider_calls_and_the_calls_the_cache_saved() {
        clearbitServer.on(CLEARBIT_FIND, Reply.json(200, resource("clearbit/company-found.json")));
        CompanyEnricher enricher = waterfall(List.of(clearbit()));

        for (int i = 0; i < 3; i++) {
            enricher.enrich(ACME);
        }

        assertThat(enricher.stats().lookups()).isEqualTo(3);
        assertThat(enricher.stats().cacheHits()).isEqualTo(2);
        assertThat(enricher.stats().providers()).extracting(ProviderStats::calls).containsExactly(1L);
    }

    private CompanyEnricher waterfall(List<ProviderSlot> slots) {
        return waterfall(slots, Duration.ofSeconds(10));
    }

    private CompanyEnricher waterfall(List<ProviderSlot> slots, Duration deadline) {
        return EnrichmentAdapters.waterfall(slots, new WaterfallSettings(deadline, POSITIVE_TTL, NEGATIVE_TTL, 1000),
                persistent, report -> {
                    firstLateReport.complete(report);
                }, clock, executor);
    }

    private ProviderSlot clearbit() {
        return clearbitWithTimeout(Duration.ofSeconds(2));
    }

    private ProviderSlot clearbitWithTimeout(Duration timeout) {
        return new ProviderSlot(EnrichmentAdapters.clearbit(
                ClearbitSettings.of(clearbitServer.baseUrl().toString(), "ck", timeout), http, clock),
                ProviderPolicy.withTimeout(timeout));
    }

    private ProviderSlot apollo() {
        return apolloWithTimeout(Duration.ofSeconds(2));
    }

    private ProviderSlot apolloWithTimeout(Duration timeout) {
        return new ProviderSlot(EnrichmentAdapters.apollo(
                ApolloSettings.of(apolloServer.baseUrl().toString(), "ak", timeout), http, clock),
                ProviderPolicy.withTimeout(timeout));
    }
}
