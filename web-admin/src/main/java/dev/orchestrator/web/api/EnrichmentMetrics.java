package dev.orchestrator.web.api;

import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.EnrichmentStats;
import dev.orchestrator.application.port.out.enrichment.ProviderStats;

/** Enrichment in {@code /metrics}: lookups, calls the caches saved, and per provider calls, budget and health. */
public final class EnrichmentMetrics implements MetricsSource {
    private final CompanyEnricher enricher;

    public EnrichmentMetrics(CompanyEnricher enricher) {
        this.enricher = enricher;
    }

    @Override
    public void appendTo(StringBuilder out) {
        EnrichmentStats stats = enricher.stats();
        family(out, "orchestrator_enrichment_lookups_total", "counter", "Enrichment lookups asked for");
        out.append("orchestrator_enrichment_lookups_total ").append(stats.lookups()).append('\n');
        family(out, "orchestrator_enrichment_cache_hits_total", "counter",
                "Lookups answered by a cache: provider calls saved");
        out.append("orchestrator_enrichment_cache_hits_total ").append(stats.cacheHits()).append('\n');
        family(out, "orchestrator_enrichment_late_reports_total", "counter", "Answers that arrived after the deadline");
        out.append("orchestrator_enrichment_late_reports_total ").append(stats.lateReports()).append('\n');
        family(out, "orchestrator_enrichment_provider_calls_total", "counter", "Calls spent per provider");
        stats.providers().forEach(p -> sample(out, "orchestrator_enrichment_provider_calls_total", p, p.calls()));
        family(out, "orchestrator_enrichment_provider_calls_today", "gauge", "Calls spent today per provider");
        stats.providers().forEach(p -> sample(out, "orchestrator_enrichment_provider_calls_today", p, p.callsToday()));
        family(out, "orchestrator_enrichment_provider_daily_budget", "gauge", "Daily call budget per provider");
        stats.providers().stream().filter(p -> p.dailyBudget().isPresent())
                .forEach(p -> sample(out, "orchestrator_enrichment_provider_daily_budget", p,
                        p.dailyBudget().getAsLong()));
        family(out, "orchestrator_enrichment_provider_up", "gauge", "1 when the provider is enabled and healthy");
        stats.providers().forEach(p -> sample(out, "orchestrator_enrichment_provider_up", p,
                p.enabled() && p.healthy() ? 1 : 0));
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, ProviderStats provider, long value) {
        out.append(name).append("{provider=\"").append(provider.provider()).append("\"} ").append(value).append('\n');
    }
}
