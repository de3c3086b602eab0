package dev.orchestrator.application.port.out.enrichment;

import dev.orchestrator.domain.shared.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** One line for the timeline: what is known now and where it came from. */
    public String summary() {
        String providers = firmographics.present().stream()
                .map(field -> firmographics.field(field).orElseThrow().provider()).distinct()
                .collect(Collectors.joining(", "));
        String origin = source == Source.CACHE ? " (cached)" : finished ? "" : " (deadline reached, more may follow)";
        return firmographics.isEmpty() ? "no provider knows " + domain + origin
                : "enriched " + domain + ": " + firmographics.present().size() + " of "
                        + FirmographicField.values().length + " fields from " + providers + origin;
    }

    /**
     * Evidence for the {@code enriched} audit event: each field with value, provider and confidence, then each
     * provider attempt with its outcome and the raw answer it gave.
     */
    public Map<String, String> auditEvidence() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("domain", domain.value());
        evidence.put("source", source.name().toLowerCase(Locale.ROOT));
        for (FirmographicField field : FirmographicField.values()) {
            firmographics.field(field).ifPresent(sourced -> evidence.put(field.key(),
                    firmographics.display(field).orElseThrow() + " (" + sourced.provider() + ", confidence "
                            + String.format(Locale.ROOT, "%.2f", sourced.confidence()) + ")"));
        }
        for (ProviderAttempt attempt : attempts) {
            String prefix = "provider." + attempt.provider();
            evidence.put(prefix + ".outcome", outcome(attempt.outcome()));
            raw(attempt.outcome()).ifPresent(raw -> evidence.put(prefix + ".raw",
                    raw.status() + " " + raw.body()));
        }
        return evidence;
    }

    private static String outcome(EnrichmentOutcome outcome) {
        if (outcome instanceof EnrichmentOutcome.Found) {
            return "found";
        }
        if (outcome instanceof EnrichmentOutcome.NotFound) {
            return "not found";
        }
        if (outcome instanceof EnrichmentOutcome.Pending pending) {
            return "queued" + pending.askAgainAfter().map(d -> ", ask again after " + d).orElse("");
        }
        EnrichmentOutcome.Failed failed = (EnrichmentOutcome.Failed) outcome;
        return "failed: " + failed.kind().name().toLowerCase(Locale.ROOT) + ", " + failed.reason();
    }

    private static Optional<RawResponse> raw(EnrichmentOutcome outcome) {
        if (outcome instanceof EnrichmentOutcome.Found found) {
            return Optional.of(found.response());
        }
        if (outcome instanceof EnrichmentOutcome.NotFound notFound) {
            return Optional.of(notFound.response());
        }
        if (outcome instanceof EnrichmentOutcome.Pending pending) {
            return Optional.of(pending.response());
        }
        return ((EnrichmentOutcome.Failed) outcome).response();
    }
}
