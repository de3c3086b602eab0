package dev.orchestrator.e2e.bench;

import dev.orchestrator.adapter.enrichment.EnrichmentAdapters;
import dev.orchestrator.adapter.enrichment.EnrichmentReplay;
import dev.orchestrator.adapter.enrichment.EnrichmentSettings;
import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.LateEnrichmentListener;
import dev.orchestrator.application.service.DryRunRulesetService;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.web.rules.RulesBenchmark;
import dev.orchestrator.web.rules.RulesetYamlParser;
import dev.orchestrator.web.rules.ShippedRules;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The in-memory benchmarks of issues 5, 6 and 10: rule evaluations per second of the shipped ruleset over
 * 100,000 synthetic records (scoring + lifecycle + routing, no I/O), a dry run of 25,000 records under two
 * rulesets, and the enrichment cache over 1,000 leads from 200 companies (sandbox provider).
 */
public final class RulesAndEnrichmentBenchmark {
    private RulesAndEnrichmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("machine: " + Machine.describe());
        System.out.println(Machine.speedProbe());
        Ruleset active = ShippedRules.defaultRuleset();
        OwnerRoster owners = ShippedRules.sandboxOwners();
        RulesBenchmark rules = new RulesBenchmark();
        rules.evaluations(active, owners, 100_000, 42, 2, System.out);
        String proposedText = new String(ShippedRules.defaultRulesetBytes(), StandardCharsets.UTF_8)
                .replace("\"score.fit >= 30\", \"signal any [pricing_page_view", "\"score.fit >= 20\", \"signal any [pricing_page_view");
        Ruleset proposed = new RulesetYamlParser().parse(proposedText);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            rules.dryRun(new DryRunRulesetService(pool), active, proposed, owners, 25_000, 7, System.out);
        } finally {
            pool.shutdownNow();
        }
        CompanyEnricher enricher = EnrichmentAdapters.waterfall(EnrichmentSettings.sandboxOnly(),
                HttpClient.newHttpClient(), EnrichmentAdapters.noPersistentCache(), LateEnrichmentListener.ignoring(),
                Clock.systemUTC());
        System.out.println("enrichment replay: " + EnrichmentReplay.replay(enricher,
                EnrichmentReplay.sandboxLeadDomains(1000, 200, 42L)).summary());
    }
}
