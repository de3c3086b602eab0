package dev.orchestrator.application.port.out.enrichment;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The persistent cache's in-memory fake, held to the same contract as the PostgreSQL one. */
public final class InMemoryEnrichmentCache implements EnrichmentCache {
    private final Map<RegistrableDomain, CachedEnrichment> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<CachedEnrichment> find(RegistrableDomain domain, Instant now) {
        return Optional.ofNullable(entries.get(domain)).filter(entry -> entry.liveAt(now));
    }

    @Override
    public void store(CachedEnrichment entry) {
        entries.put(entry.domain(), entry);
    }

    @Override
    public int evictExpired(Instant now) {
        int before = entries.size();
        entries.values().removeIf(entry -> !entry.liveAt(now));
        return before - entries.size();
    }

    public int size() {
        return entries.size();
    }
}
