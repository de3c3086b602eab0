package dev.orchestrator.web.api;

import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.EnrichmentStats;
import dev.orchestrator.application.port.out.enrichment.ProviderStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Enrichment in {@code /metrics}: lookups, calls the caches saved, and per provider calls, budget and health. */
public final class EnrichmentMetrics implements MetricsSource, HealthSection {
    private final CompanyEnricher enricher;

    public EnrichmentMetrics(CompanyEnricher enricher) {
        this.enricher = enricher;
    }

    @Override
    public String key() {
        return "enrichment";
    }

    /** Each provider's state: a 401/403 marks it unhealthy until its back-off ends, so operators see it here. */
    @Override
    public Map<String, Object> section() {
        EnrichmentStats stats = enricher.stats();
        List<Map<String, Object>> providers = new ArrayList<>();
        for (ProviderStats p : stats.providers()) {
            Map<String, Object> provider = new LinkedHashMap<>();
            provider.put("name", p.provider());
            provider.put("status", !p.enabled() ? "switched-off" : p.healthy() ? "up" : "down");
            provider.put("detail", p.detail());
            provider.put("callsToday", p.callsToday());
            p.dailyBudget().ifPresent(budget -> provider.put("dailyBudget", budget));
            p.coolingDownUntil().ifPresent(until -> provider.put("coolingDownUntil", until.toString()));
            providers.add(provider);
        }
        return Map.of("providers", providers, "cacheHitRatio", stats.cacheHitRatio());
    }

    @Override
    public boolean healthy() {
        return enricher.stats().providers().stream().allMatch(p -> !p.enabled() || p.healthy());
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
