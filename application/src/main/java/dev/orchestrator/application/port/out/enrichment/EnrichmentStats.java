package dev.orchestrator.application.port.out.enrichment;

import java.util.List;

/**
 * Counters of the enrichment step: lookups asked for, how many the caches answered (each one a provider call
 * saved), and per provider what was spent.
 */
public record EnrichmentStats(long lookups, long cacheHits, long lateReports, List<ProviderStats> providers) {
    public EnrichmentStats {
        providers = List.copyOf(providers);
    }

    public double cacheHitRatio() {
        return lookups == 0 ? 0.0 : (double) cacheHits / lookups;
    }

    public long providerCalls() {
        return providers.stream().mapToLong(ProviderStats::calls).sum();
    }
}
