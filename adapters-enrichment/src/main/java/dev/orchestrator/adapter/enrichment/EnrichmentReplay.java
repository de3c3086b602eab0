package dev.orchestrator.adapter.enrichment;

import dev.orchestrator.adapter.enrichment.sandbox.SandboxCompany;
import dev.orchestrator.adapter.enrichment.sandbox.SandboxEnrichment;
import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.EnrichmentStats;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The cache benchmark: replays a stream of leads through an enricher and reports how many lookups the caches
 * answered and how many provider calls were spent. The CLI prints {@link Result#summary()}.
 */
public final class EnrichmentReplay {
    private EnrichmentReplay() {
    }

    /** What one replay cost. */
    public record Result(int leads, int companies, long cacheHits, long providerCalls, double hitRatio) {
        public String summary() {
            return String.format(Locale.ROOT,
                    "enrichment replay: %d leads from %d companies, %d cache hits (hit ratio %.1f%%), "
                            + "%d provider calls", leads, companies, cacheHits, hitRatio * 100, providerCalls);
        }
    }

    /**
     * {@code leads} lead domains drawn from the first {@code companies} sandbox companies: every company appears at
     * least once, the rest at random (seeded), so the stream looks like real traffic with repeat companies.
     */
    public static List<RegistrableDomain> sandboxLeadDomains(int leads, int companies, long seed) {
        List<SandboxCompany> all = SandboxEnrichment.companies();
        if (companies < 1 || companies > all.size() || leads < companies) {
            throw new IllegalArgumentException("need 1 <= companies <= " + all.size() + " and leads >= companies");
        }
        Random random = new Random(seed);
        List<RegistrableDomain> domains = new ArrayList<>(leads);
        for (int i = 0; i < companies; i++) {
            domains.add(all.get(i).domain());
        }
        while (domains.size() < leads) {
            domains.add(all.get(random.nextInt(companies)).domain());
        }
        Collections.shuffle(domains, random);
        return List.copyOf(domains);
    }

    public static Result replay(CompanyEnricher enricher, List<RegistrableDomain> leadDomains) {
        EnrichmentStats before = enricher.stats();
        leadDomains.forEach(enricher::enrich);
        EnrichmentStats after = enricher.stats();
        long lookups = after.lookups() - before.lookups();
        long hits = after.cacheHits() - before.cacheHits();
        long calls = after.providerCalls() - before.providerCalls();
        int companies = (int) leadDomains.stream().distinct().count();
        return new Result(leadDomains.size(), companies, hits, calls, lookups == 0 ? 0.0 : (double) hits / lookups);
    }
}
