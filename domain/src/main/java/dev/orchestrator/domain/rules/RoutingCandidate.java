package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;

/** One owner considered by routing, what happened to them, and why, in words. */
public record RoutingCandidate(String owner, String pool, CandidateOutcome outcome, String reason) {
    public RoutingCandidate {
        Require.notBlank("owner", owner);
        Require.notBlank("pool", pool);
        Require.present("outcome", outcome);
        Require.notBlank("reason", reason);
    }
}
