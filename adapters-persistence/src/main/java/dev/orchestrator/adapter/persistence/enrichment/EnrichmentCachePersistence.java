package dev.orchestrator.adapter.persistence.enrichment;

import dev.orchestrator.application.port.out.enrichment.EnrichmentCache;
import org.jdbi.v3.core.Jdbi;

/** The public entry of the PostgreSQL enrichment cache; the schema comes from migration V20. */
public final class EnrichmentCachePersistence {
    private EnrichmentCachePersistence() {
    }

    public static EnrichmentCache create(Jdbi jdbi) {
        return new JdbiEnrichmentCache(jdbi);
    }
}
