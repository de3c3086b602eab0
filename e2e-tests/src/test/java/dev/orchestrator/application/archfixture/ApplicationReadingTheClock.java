package dev.orchestrator.application.archfixture;

import java.time.Instant;

/** Deliberate violation: a hidden clock in the core. */
public class ApplicationReadingTheClock {
    Instant now() {
        return Instant.now();
    }
}
