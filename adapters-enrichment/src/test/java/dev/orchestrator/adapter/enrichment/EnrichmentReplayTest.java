package dev.orchestrator.adapter.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.enrichment.EnrichmentReplay.Result;
import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures;
import dev.orchestrator.application.port.out.enrichment.InMemoryEnrichmentCache;
import dev.orchestrator.application.port.out.enrichment.LateEnrichmentListener;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrichmentReplayTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CompanyEnricher enricher = EnrichmentAdapters.waterfall(
            List.of(new ProviderSlot(EnrichmentAdapters.sandbox(), ProviderPolicy.defaults())),
            WaterfallSettings.defaults(), new InMemoryEnrichmentCache(), LateEnrichmentListener.ignoring(),
            Clock.fixed(FirmographicsFixtures.NOW, ZoneOffset.UTC), executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void a_thousand_leads_from_two_hundred_companies_cost_at_most_two_hundred_provider_calls() {
        Result result = EnrichmentReplay.replay(enricher, EnrichmentReplay.sandboxLeadDomains(1000, 200, 42L));

        assertThat(result.companies()).isEqualTo(200);
        assertThat(result.providerCalls()).isLessThanOrEqualTo(200);
        assertThat(result.cacheHits()).isEqualTo(800);
        assertThat(result.summary()).isEqualTo("enrichment replay: 1000 leads from 200 companies, "
                + "800 cache hits (hit ratio 80.0%), 200 provider calls");
    }

    @Test
    void replaying_the_same_leads_again_costs_no_provider_call() {
        List<RegistrableDomain> leads =
                EnrichmentReplay.sandboxLeadDomains(300, 50, 7L);
        EnrichmentReplay.replay(enricher, leads);

        assertThat(EnrichmentReplay.replay(enricher, leads).providerCalls()).isZero();
    }
}
