package dev.orchestrator.application.service;

import dev.orchestrator.application.rules.ShadowEvaluation;
import java.util.Objects;

/**
 * The pipeline's optional steps, each off by default: a deal opened when a lead reaches {@code sql}, and a
 * proposed ruleset watching live evaluations in shadow. One value instead of one constructor per step.
 */
public record PipelineOptions(SqlDeals sqlDeals, ShadowEvaluation shadow) {
    public static final PipelineOptions NONE = new PipelineOptions(SqlDeals.none(), ShadowEvaluation.NONE);

    public PipelineOptions {
        Objects.requireNonNull(sqlDeals, "sqlDeals");
        Objects.requireNonNull(shadow, "shadow");
    }

    public PipelineOptions withSqlDeals(SqlDeals deals) {
        return new PipelineOptions(deals, shadow);
    }

    public PipelineOptions withShadow(ShadowEvaluation evaluation) {
        return new PipelineOptions(sqlDeals, evaluation);
    }
}
