package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A decided stage change: the rule, the stages, the reason code if any, and the conditions that held. */
public record LifecycleTransition(String ruleId, LifecycleStage from, LifecycleStage to, Optional<String> reason,
        List<ConditionResult> conditions, Instant at) {
    public LifecycleTransition {
        Require.notBlank("ruleId", ruleId);
        Require.present("from", from);
        Require.present("to", to);
        Require.present("reason", reason);
        conditions = List.copyOf(Require.present("conditions", conditions));
        Require.present("at", at);
    }

    /** The first rule, in file order, that allows leaving the context's stage and whose conditions hold. */
    public static Optional<LifecycleTransition> decide(List<LifecycleRule> rules, EvaluationContext context) {
        for (LifecycleRule rule : rules) {
            if (!rule.from().contains(context.stage())) {
                continue;
            }
            ConditionSet.Outcome outcome = rule.when().evaluate(context);
            if (outcome.matched()) {
                return Optional.of(new LifecycleTransition(rule.id(), context.stage(), rule.to(), rule.reason(),
                        outcome.conditions(), context.now()));
            }
        }
        return Optional.empty();
    }

    /** The rules that could leave the context's stage but whose conditions do not hold: why no transition. */
    public static List<SkippedRule> misses(List<LifecycleRule> rules, EvaluationContext context) {
        List<SkippedRule> misses = new ArrayList<>();
        for (LifecycleRule rule : rules) {
            if (rule.from().contains(context.stage())) {
                ConditionSet.Outcome outcome = rule.when().evaluate(context);
                if (!outcome.matched()) {
                    misses.add(new SkippedRule(rule.id(), outcome.conditions()));
                }
            }
        }
        return misses;
    }
}
