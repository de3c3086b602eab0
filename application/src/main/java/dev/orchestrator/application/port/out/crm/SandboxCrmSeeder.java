package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.application.seed.SeedData;
import java.util.Map;

/** Replaces the sandbox CRM's content (only the sandbox CRM offers this; a real CRM is never wiped). */
public interface SandboxCrmSeeder {
    boolean isEmpty();

    /** Empties the sandbox CRM and loads {@code data}; answers the CRM id each company got, by domain. */
    Map<String, String> reload(SeedData data);
}
