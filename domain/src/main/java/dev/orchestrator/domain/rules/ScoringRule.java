package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;

/** Points added to the fit or behavior score when the conditions hold. */
public record ScoringRule(String id, ScoreKind kind, ConditionSet when, int points) {
    public ScoringRule {
        Require.notBlank("id", id);
        Require.present("kind", kind);
        Require.present("when", when);
    }
}
