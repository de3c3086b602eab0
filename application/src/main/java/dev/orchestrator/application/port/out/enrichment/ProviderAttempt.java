package dev.orchestrator.application.port.out.enrichment;

import dev.orchestrator.domain.shared.Require;
import java.util.Set;

/** One provider's turn in the waterfall: what it was asked to fill and what it answered. */
public record ProviderAttempt(String provider, Set<FirmographicField> wanted, EnrichmentOutcome outcome) {
    public ProviderAttempt {
        Require.notBlank("provider", provider);
        wanted = Set.copyOf(Require.present("wanted", wanted));
        Require.present("outcome", outcome);
    }
}
