package dev.orchestrator.domain.archfixture;

import java.util.logging.Logger;

/** Deliberate violation: java.util.logging instead of SLF4J. */
public class DomainUsingJulLogging {
    final Logger logger = Logger.getLogger("x");
}
