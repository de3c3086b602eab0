package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;

/** A routing rule; the first one whose conditions hold (and that can assign) decides. */
public record RoutingRule(String id, ConditionSet when, Assignment assign) {
    public RoutingRule {
        Require.notBlank("id", id);
        Require.present("when", when);
        Require.present("assign", assign);
    }
}
