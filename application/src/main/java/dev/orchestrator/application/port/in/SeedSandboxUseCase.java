package dev.orchestrator.application.port.in;

/** (Re)loads the seeded sandbox data into the sandbox CRM. */
public interface SeedSandboxUseCase {
    SeedReport seed(SeedCommand command);

    record SeedCommand(long seed, int contacts, boolean onlyIfEmpty) {
    }

    record SeedReport(boolean seeded, int owners, int companies, int contacts, int deals) {
    }
}
