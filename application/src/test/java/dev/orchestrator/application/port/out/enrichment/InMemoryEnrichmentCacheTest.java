package dev.orchestrator.application.port.out.enrichment;

class InMemoryEnrichmentCacheTest extends EnrichmentCacheContract {
    private final InMemoryEnrichmentCache cache = new InMemoryEnrichmentCache();

    @Override
    protected EnrichmentCache cache() {
        return cache;
    }
}
