package dev.orchestrator.application.port.out.enrichment;

/**
 * One source of firmographics (Clearbit, Apollo, the offline sandbox file). Implementations never throw for an
 * answer the provider gave or failed to give: every such case is an {@link EnrichmentOutcome}.
 */
public interface EnrichmentProvider {
    /** The name used in configuration ({@code ENRICHMENT_PROVIDERS}), audit lines and metrics. */
    String name();

    EnrichmentOutcome lookup(RegistrableDomain domain);
}
