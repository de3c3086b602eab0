package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.application.seed.SeedData;

/** Replaces the sandbox CRM's content (only the sandbox CRM offers this; a real CRM is never wiped). */
public interface SandboxCrmSeeder {
    boolean isEmpty();

    /** Empties the sandbox CRM and loads {@code data}; answers how many records were written. */
    long reload(SeedData data);
}
