package dev.orchestrator.application.archfixture;

import org.jdbi.v3.core.Jdbi;

/** Deliberate violation: SQL technology inside a use case. */
public class ApplicationUsingJdbi {
    Jdbi jdbi;
}
