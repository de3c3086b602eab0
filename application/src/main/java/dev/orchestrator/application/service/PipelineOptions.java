package dev.orchestrator.application.service;

import dev.orchestrator.application.rules.ShadowEvaluation;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline's optional steps, each off by default: a deal opened when a lead reaches {@code sql}, and a
 * proposed ruleset watching live evaluations in shadow, and the outbox of actions. One value instead of one constructor per step.
 */
public record PipelineOptions(SqlDeals sqlDeals, ShadowEvaluation shadow, Optional<ActionPlanner> actions) {
    public static final PipelineOptions NONE = new PipelineOptions(SqlDeals.none(), ShadowEvaluation.NONE,
            Optional.empty());

    public PipelineOptions {
        Objects.requireNonNull(sqlDeals, "sqlDeals");
        Objects.requireNonNull(shadow, "shadow");
        Objects.requireNonNull(actions, "actions");
    }

    public PipelineOptions withSqlDeals(SqlDeals deals) {
        return new PipelineOptions(deals, shadow, actions);
    }

    public PipelineOptions withShadow(ShadowEvaluation evaluation) {
        return new PipelineOptions(sqlDeals, evaluation, actions);
    }

    /** The action outbox: the actions a decision makes due are queued in the transaction that commits it. */
    public PipelineOptions withActions(ActionPlanner planner) {
        return new PipelineOptions(sqlDeals, shadow, Optional.of(planner));
    }
}
