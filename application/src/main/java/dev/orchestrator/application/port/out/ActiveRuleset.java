package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.rules.Ruleset;

/** The ruleset in force right now; reloading replaces it only with a file that parsed. */
@FunctionalInterface
public interface ActiveRuleset {
    Ruleset current();
}
