package dev.orchestrator.application.port.out.enrichment;

/**
 * Receives the finished report of a waterfall that passed its deadline, so the record can be updated and the
 * change audited after routing went ahead with what was there.
 */
@FunctionalInterface
public interface LateEnrichmentListener {
    void onLateReport(EnrichmentReport finished);

    static LateEnrichmentListener ignoring() {
        return finished -> { };
    }
}
