package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.shared.Require;

/** One record at one moment, the owners as the CRM reports them, and whose turn it is in each pool. */
public record EvaluateLeadQuery(EvaluationContext context, OwnerRoster owners, RoundRobinState rotation) {
    public EvaluateLeadQuery {
        Require.present("context", context);
        Require.present("owners", owners);
        Require.present("rotation", rotation);
    }
}
