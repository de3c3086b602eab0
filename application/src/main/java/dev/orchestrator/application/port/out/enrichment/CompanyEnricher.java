package dev.orchestrator.application.port.out.enrichment;

/**
 * Enrichment as the pipeline sees it: one call per lead, answered from cache or from the configured providers,
 * and always within the step's deadline so routing is never blocked by a slow provider.
 */
public interface CompanyEnricher {
    EnrichmentReport enrich(RegistrableDomain domain);

    /** What enrichment has cost and saved so far, and each provider's health. */
    EnrichmentStats stats();
}
