package dev.orchestrator.adapter.enrichment;

import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import java.util.Objects;

/** A provider at its place in the waterfall, with the policy it is used under. */
public record ProviderSlot(EnrichmentProvider provider, ProviderPolicy policy) {
    public ProviderSlot {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(policy, "policy");
    }
}
