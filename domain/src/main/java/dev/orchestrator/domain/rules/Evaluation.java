package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.util.List;
import java.util.Optional;

/**
 * The full answer of a ruleset for one record at one moment: scores, the transitions taken (in order), the
 * resulting stage, the routing decision when the record needed an owner, the actions made due, and the state
 * of the round-robin afterwards. Carries the ruleset version so every record of it can say which rules spoke.
 */
public record Evaluation(
        RulesetVersion rulesetVersion,
        ScoreCard score,
        List<LifecycleTransition> transitions,
        LifecycleStage stage,
        Optional<RoutingDecision> routing,
        List<TriggeredAction> actions,
        RoundRobinState rotation) {

    public Evaluation {
        Require.present("rulesetVersion", rulesetVersion);
        Require.present("score", score);
        transitions = List.copyOf(Require.present("transitions", transitions));
        Require.present("stage", stage);
        Require.present("routing", routing);
        actions = List.copyOf(Require.present("actions", actions));
        Require.present("rotation", rotation);
    }
}
