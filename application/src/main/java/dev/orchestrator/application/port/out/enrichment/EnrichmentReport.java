package dev.orchestrator.application.port.out.enrichment;

import dev.orchestrator.domain.shared.Require;
import java.util.List;

/**
 * The result of enriching one domain: the merged firmographics, every provider attempt with its raw answer (for
 * the audit), whether the answer came from a cache, and whether the waterfall had finished when this report was
 * taken ({@code finished == false}: the deadline came first; the rest arrives through
 * {@link LateEnrichmentListener}).
 */
public record EnrichmentReport(RegistrableDomain domain, Firmographics firmographics,
        List<ProviderAttempt> attempts, Source source, boolean finished) {

    public enum Source { CACHE, PROVIDERS }

    public EnrichmentReport {
        Require.present("domain", domain);
        Require.present("firmographics", firmographics);
        attempts = List.copyOf(Require.present("attempts", attempts));
        Require.present("source", source);
    }
}
