package dev.orchestrator.adapter.crm.archfixture;

import dev.orchestrator.adapter.persistence.PersistenceAdapter;

/** Deliberate violation: one adapter reaching into another. */
public class CrmAdapterUsingPersistence {
    PersistenceAdapter persistence;
}
