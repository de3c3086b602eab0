package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.rules.Ruleset;

/** Ruleset files read into the domain's model (the YAML parser lives at the edge). */
@FunctionalInterface
public interface RulesetFiles {
    /** Throws the parser's error (with line and column) when the file does not parse. */
    Ruleset parse(String file);
}
