package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.EvaluateLeadQuery;
import dev.orchestrator.application.port.in.EvaluateLeadUseCase;
import dev.orchestrator.application.port.out.ActiveRuleset;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.RulesEngine;
import java.util.Objects;

public final class EvaluateLeadService implements EvaluateLeadUseCase {
    private final ActiveRuleset rulesets;

    public EvaluateLeadService(ActiveRuleset rulesets) {
        this.rulesets = Objects.requireNonNull(rulesets, "rulesets");
    }

    @Override
    public Evaluation evaluate(EvaluateLeadQuery query) {
        return RulesEngine.evaluate(rulesets.current(), query.context(), query.owners(), query.rotation());
    }
}
