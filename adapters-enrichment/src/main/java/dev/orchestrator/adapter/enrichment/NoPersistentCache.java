package dev.orchestrator.adapter.enrichment;

import dev.orchestrator.application.port.out.enrichment.CachedEnrichment;
import dev.orchestrator.application.port.out.enrichment.EnrichmentCache;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import java.time.Instant;
import java.util.Optional;

/** For runs without a database (the CLI benchmark): only the in-memory cache remembers. */
final class NoPersistentCache implements EnrichmentCache {
    @Override
    public Optional<CachedEnrichment> find(RegistrableDomain domain, Instant now) {
        return Optional.empty();
    }

    @Override
    public void store(CachedEnrichment entry) {
        // Nothing outlives the process by design of this cache.
    }

    @Override
    public int evictExpired(Instant now) {
        return 0;
    }
}
