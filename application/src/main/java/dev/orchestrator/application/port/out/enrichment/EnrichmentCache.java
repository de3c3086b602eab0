package dev.orchestrator.application.port.out.enrichment;

import java.time.Instant;
import java.util.Optional;

/** The persistent enrichment cache, keyed by registrable domain and shared by every instance. */
public interface EnrichmentCache {
    /** The entry for this domain if it has not expired at {@code now}. */
    Optional<CachedEnrichment> find(RegistrableDomain domain, Instant now);

    /** Stores or replaces the entry for its domain. */
    void store(CachedEnrichment entry);

    /** Drops entries that expired before {@code now}; returns how many. */
    int evictExpired(Instant now);
}
