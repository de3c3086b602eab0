package dev.orchestrator.adapter.notify.archfixture;

import dev.orchestrator.adapter.persistence.PersistenceAdapter;

/** Deliberate violation: the notify adapter recording its own sends instead of going through a port. */
public class NotifyUsingPersistence {
    PersistenceAdapter persistence;
}
