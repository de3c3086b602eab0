package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Actions due when a transition happens: {@code on} narrows by target stage, source stages and/or the transition
 * rule; {@code when} adds conditions read at the moment of the transition (e.g. a deal above a threshold).
 */
public record ActionRule(String id, Optional<LifecycleStage> onTo, Set<LifecycleStage> onFrom,
        Optional<String> onRule, ConditionSet when, List<ActionSpec> actions) {
    public ActionRule {
        Require.notBlank("id", id);
        Require.present("onTo", onTo);
        onFrom = onFrom.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(Require.present("onFrom", onFrom)));
        Require.present("onRule", onRule);
        Require.that(onTo.isPresent() || !onFrom.isEmpty() || onRule.isPresent(), "on",
                "must name a 'to' stage, 'from' stages or a 'rule'");
        Require.present("when", when);
        actions = List.copyOf(Require.present("actions", actions));
        Require.that(!actions.isEmpty(), "do", "must list at least one action");
    }

    public boolean triggeredBy(LifecycleTransition transition) {
        return onTo.map(stage -> stage == transition.to()).orElse(true)
                && (onFrom.isEmpty() || onFrom.contains(transition.from()))
                && onRule.map(rule -> rule.equals(transition.ruleId())).orElse(true);
    }
}
