package dev.orchestrator.adapter.enrichment.sandbox;

import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome;
import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import dev.orchestrator.application.port.out.enrichment.RawResponse;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Enrichment without network from the shipped file. Its answers look like an HTTP provider's (200 with the
 * file's line as the raw body, 404 for an unknown domain) so the audit reads the same whatever the provider.
 */
final class SandboxEnrichmentProvider implements EnrichmentProvider {
    static final String NAME = "sandbox";
    // Curated data, but synthetic: good enough to route on, below what a live provider measured.
    static final double CONFIDENCE = 0.8;

    private final Map<RegistrableDomain, SandboxCompany> byDomain;

    SandboxEnrichmentProvider(List<SandboxCompany> companies) {
        this.byDomain = companies.stream()
                .collect(Collectors.toUnmodifiableMap(SandboxCompany::domain, Function.identity()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EnrichmentOutcome lookup(RegistrableDomain domain) {
        SandboxCompany company = byDomain.get(domain);
        if (company == null) {
            return new EnrichmentOutcome.NotFound(NAME, new RawResponse(404, ""));
        }
        String raw = String.join(",", SandboxCsv.HEADER) + "\n" + SandboxCsv.line(company);
        return new EnrichmentOutcome.Found(NAME, company.firmographics(NAME, CONFIDENCE), new RawResponse(200, raw));
    }
}
