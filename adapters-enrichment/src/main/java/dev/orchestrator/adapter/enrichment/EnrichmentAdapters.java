package dev.orchestrator.adapter.enrichment;

import dev.orchestrator.adapter.enrichment.apollo.ApolloAdapter;
import dev.orchestrator.adapter.enrichment.apollo.ApolloSettings;
import dev.orchestrator.adapter.enrichment.clearbit.ClearbitAdapter;
import dev.orchestrator.adapter.enrichment.clearbit.ClearbitSettings;
import dev.orchestrator.adapter.enrichment.sandbox.SandboxCompany;
import dev.orchestrator.adapter.enrichment.sandbox.SandboxEnrichment;
import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.EnrichmentCache;
import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import dev.orchestrator.application.port.out.enrichment.LateEnrichmentListener;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The enrichment adapter module's public entry: providers, the waterfall over them, and the sandbox data. */
public final class EnrichmentAdapters {
    private EnrichmentAdapters() {
    }

    /**
     * The enrichment step as configured: providers in {@code settings.providerOrder()}, each under its policy,
     * behind the in-memory and the persistent cache. Provider calls run on a daemon thread pool of their own.
     */
    public static CompanyEnricher waterfall(EnrichmentSettings settings, HttpClient http, EnrichmentCache cache,
            LateEnrichmentListener late, Clock clock) {
        List<ProviderSlot> slots = settings.providerOrder().stream()
                .map(name -> new ProviderSlot(provider(name, settings, http, clock), settings.policy(name)))
                .toList();
        return waterfall(slots, settings.waterfall(), cache, late, clock, providerThreads());
    }

    public static CompanyEnricher waterfall(List<ProviderSlot> slots, WaterfallSettings settings,
            EnrichmentCache cache, LateEnrichmentListener late, Clock clock, Executor executor) {
        return new WaterfallEnricher(slots, settings, cache, late, clock, executor);
    }

    public static EnrichmentProvider clearbit(ClearbitSettings settings, HttpClient http, Clock clock) {
        return ClearbitAdapter.create(settings, http, clock);
    }

    public static EnrichmentProvider apollo(ApolloSettings settings, HttpClient http, Clock clock) {
        return ApolloAdapter.create(settings, http, clock);
    }

    public static EnrichmentProvider sandbox() {
        return SandboxEnrichment.create();
    }

    /** The shipped sandbox companies, for the sandbox seed and dedupe tests. */
    public static List<SandboxCompany> sandboxCompanies() {
        return SandboxEnrichment.companies();
    }

    /** A persistent cache that keeps nothing, for runs without a database; the in-memory cache still works. */
    public static EnrichmentCache noPersistentCache() {
        return new NoPersistentCache();
    }

    private static EnrichmentProvider provider(String name, EnrichmentSettings settings, HttpClient http,
            Clock clock) {
        if (name.equals(ClearbitAdapter.NAME)) {
            return ClearbitAdapter.create(settings.clearbit().orElseThrow(), http, clock);
        }
        if (name.equals(ApolloAdapter.NAME)) {
            return ApolloAdapter.create(settings.apollo().orElseThrow(), http, clock);
        }
        if (name.equals(SandboxEnrichment.NAME)) {
            return SandboxEnrichment.create();
        }
        throw new IllegalArgumentException("unknown enrichment provider '" + name + "'");
    }

    private static ExecutorService providerThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "enrichment-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(daemons);
    }
}
