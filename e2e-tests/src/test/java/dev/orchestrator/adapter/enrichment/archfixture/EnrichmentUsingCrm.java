package dev.orchestrator.adapter.enrichment.archfixture;

import dev.orchestrator.adapter.crm.sandbox.SandboxCrmAdapter;

/** Deliberate violation: one adapter reaching into another. */
public class EnrichmentUsingCrm {
    SandboxCrmAdapter crm;
}
