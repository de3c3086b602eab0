package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.SeedSandboxUseCase;
import dev.orchestrator.application.port.out.crm.SandboxCrmSeeder;
import dev.orchestrator.application.seed.SandboxSeedGenerator;
import dev.orchestrator.application.seed.SeedData;
import dev.orchestrator.application.seed.SeedData.SeedCompany;
import dev.orchestrator.domain.rules.OwnerState;
import java.util.List;
import java.util.function.Supplier;

public final class SeedSandboxService implements SeedSandboxUseCase {
    private final SandboxCrmSeeder seeder;
    private final Supplier<List<SeedCompany>> companies;
    private final Supplier<List<OwnerState>> owners;

    public SeedSandboxService(SandboxCrmSeeder seeder, Supplier<List<SeedCompany>> companies,
            Supplier<List<OwnerState>> owners) {
        this.seeder = seeder;
        this.companies = companies;
        this.owners = owners;
    }

    @Override
    public SeedReport seed(SeedCommand command) {
        if (command.onlyIfEmpty() && !seeder.isEmpty()) {
            return new SeedReport(false, 0, 0, 0);
        }
        SeedData data = SandboxSeedGenerator.generate(command.seed(), companies.get(), owners.get(),
                command.contacts());
        seeder.reload(data);
        return new SeedReport(true, data.owners().size(), data.companies().size(), data.contacts().size());
    }
}
