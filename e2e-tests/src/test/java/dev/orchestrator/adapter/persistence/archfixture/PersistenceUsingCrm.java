package dev.orchestrator.adapter.persistence.archfixture;

import dev.orchestrator.adapter.crm.sandbox.SandboxCrmAdapter;

/** Deliberate violation: one adapter reaching into another. */
public class PersistenceUsingCrm {
    SandboxCrmAdapter crm;
}
