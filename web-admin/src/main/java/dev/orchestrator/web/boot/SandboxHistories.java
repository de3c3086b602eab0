package dev.orchestrator.web.boot;

import dev.orchestrator.adapter.enrichment.EnrichmentAdapters;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.seed.SandboxSeedGenerator;
import dev.orchestrator.application.seed.SeedData;
import dev.orchestrator.application.seed.SeedHistories;
import dev.orchestrator.web.rules.ShippedRules;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The seeded sandbox a dry run replays: the same generator, seed and day as {@code seed} loads into the sandbox
 * CRM (25,000 contacts over the 5,000 sandbox companies, their signals and deals), as of the start of today (UTC),
 * so two dry runs on one day compare the same data.
 */
public final class SandboxHistories {
    public static final long SEED = 20_261_126L;
    public static final int RECORDS = 25_000;
    private static Instant generatedFor;
    private static List<RecordHistory> histories;

    private SandboxHistories() {
    }

    public static synchronized Instant asOf() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS);
    }

    public static synchronized List<RecordHistory> replayable() {
        Instant asOf = asOf();
        if (!asOf.equals(generatedFor)) {
            histories = SeedHistories.of(seedData(SEED, RECORDS, asOf));
            generatedFor = asOf;
        }
        return histories;
    }

    /** The sandbox generated from {@code seed}: shipped owners, sandbox firmographics, {@code contacts} contacts. */
    public static SeedData seedData(long seed, int contacts, Instant asOf) {
        return SandboxSeedGenerator.generate(seed, seedCompanies(),
                List.copyOf(ShippedRules.sandboxOwners().owners().values()), contacts, asOf);
    }

    /** The sandbox firmographics (5,000 companies) as the seed reads them. */
    public static List<SeedData.SeedCompany> seedCompanies() {
        return EnrichmentAdapters.sandboxCompanies().stream().map(c -> new SeedData.SeedCompany(c.name(),
                c.domain().value(), Optional.of(c.industry().key()), Optional.of(c.employees()),
                Optional.of(c.headquarters().countryCode()), c.technologies())).toList();
    }
}
