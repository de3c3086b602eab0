package dev.orchestrator.application.service;

import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.RoundRobinState;
import java.util.function.Function;

/**
 * Whose turn it is in each round-robin pool, shared by the workers of this instance: an evaluation that routes
 * reads the state and advances it in one step, so two leads never get the same turn.
 */
public final class RoutingRotation {
    private RoundRobinState state = RoundRobinState.start();

    public synchronized Evaluation evaluate(Function<RoundRobinState, Evaluation> evaluation) {
        Evaluation result = evaluation.apply(state);
        state = result.rotation();
        return result;
    }
}
