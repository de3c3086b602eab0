package dev.orchestrator.application.service;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.port.in.BackfillCommand;
import dev.orchestrator.application.port.in.BackfillIdentityIndexUseCase;
import dev.orchestrator.application.port.in.SeedSandboxUseCase;
import dev.orchestrator.application.port.out.crm.SandboxCrmSeeder;
import dev.orchestrator.application.seed.SandboxSeedGenerator;
import dev.orchestrator.application.seed.SeedData;
import dev.orchestrator.application.seed.SeedData.SeedCompany;
import dev.orchestrator.domain.rules.OwnerState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

public final class SeedSandboxService implements SeedSandboxUseCase {
    private final SandboxCrmSeeder seeder;
    private final Supplier<List<SeedCompany>> companies;
    private final Supplier<List<OwnerState>> owners;
    private final BackfillIdentityIndexUseCase backfill;
    private final Clock clock;

    /** Histories end at the start of the current day (UTC), as the sandbox dry run's do. */
    public SeedSandboxService(SandboxCrmSeeder seeder, Supplier<List<SeedCompany>> companies,
            Supplier<List<OwnerState>> owners, BackfillIdentityIndexUseCase backfill, Clock clock) {
        this.seeder = seeder;
        this.companies = companies;
        this.owners = owners;
        this.backfill = backfill;
        this.clock = clock;
    }

    @Override
    public SeedReport seed(SeedCommand command) {
        if (command.onlyIfEmpty() && !seeder.isEmpty()) {
            return new SeedReport(false, 0, 0, 0, 0);
        }
        Instant asOf = clock.instant().truncatedTo(ChronoUnit.DAYS);
        SeedData data = SandboxSeedGenerator.generate(command.seed(), companies.get(), owners.get(),
                command.contacts(), asOf);
        Map<String, String> ids = seeder.reload(data);
        // The seeded accounts go into the identity index, as a backfill over an existing CRM would put them.
        List<DedupeRecord> accounts = data.companies().stream()
                .filter(c -> ids.containsKey(c.domain()))
                .map(c -> new DedupeRecord(ids.get(c.domain()), c.name(), c.domain(), "", "", "", "", "", "",
                        c.country().orElse("")))
                .sorted(Comparator.comparing(DedupeRecord::recordId))
                .toList();
        backfill.backfill(new BackfillCommand(accounts.iterator(), Optional.empty(),
                BackfillCommand.DEFAULT_BATCH_SIZE, checkpoint -> { }));
        return new SeedReport(true, data.owners().size(), data.companies().size(), data.contacts().size(),
                data.deals().size());
    }
}
