package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scoring, then lifecycle, then routing, in that order, because lifecycle rules read scores and routing rules
 * read the stage. Transitions chain (a lead asking for a demo with a strong fit may pass mql on its way to sql)
 * but never revisit a stage within one evaluation, so a ruleset with a cycle cannot loop.
 */
public final class RulesEngine {
    private RulesEngine() {
    }

    /** Scores, transitions and, when the record needs an owner ({@link #needsOwner}), routes it. */
    public static Evaluation evaluate(Ruleset ruleset, EvaluationContext context, OwnerRoster roster,
            RoundRobinState rotation) {
        return evaluate(ruleset, context, roster, rotation, true);
    }

    /**
     * As above; with {@code mayRoute} false routing is left out even for an unowned record (a replay that has
     * already queued the record decides itself when to route again, with {@link #settled} and {@link Router}).
     */
    public static Evaluation evaluate(Ruleset ruleset, EvaluationContext context, OwnerRoster roster,
            RoundRobinState rotation, boolean mayRoute) {
        ScoreCard score = ScoreCard.score(ruleset.scoring(), context);
        EvaluationContext current = context.withScores(score.fit(), score.behavior());

        List<LifecycleTransition> transitions = new ArrayList<>(2);
        Set<LifecycleStage> visited = EnumSet.of(current.stage());
        while (true) {
            Optional<LifecycleTransition> next = LifecycleTransition.decide(ruleset.lifecycle(), current);
            if (next.isEmpty()) {
                break;
            }
            transitions.add(next.get());
            current = current.withStage(next.get().to());
            if (!visited.add(next.get().to())) {
                break;
            }
        }

        List<TriggeredAction> actions = new ArrayList<>();
        for (LifecycleTransition transition : transitions) {
            EvaluationContext atTransition = current.withStage(transition.to());
            for (ActionRule rule : ruleset.actions()) {
                if (!rule.triggeredBy(transition)) {
                    continue;
                }
                ConditionSet.Outcome outcome = rule.when().evaluate(atTransition);
                if (outcome.matched()) {
                    for (ActionSpec action : rule.actions()) {
                        actions.add(new TriggeredAction(rule.id(), transition.ruleId(), action, outcome.conditions()));
                    }
                }
            }
        }

        Optional<RoutingDecision> routing = Optional.empty();
        RoundRobinState nextRotation = rotation;
        if (mayRoute && needsOwner(current)) {
            Router.Outcome routed = Router.route(ruleset, current, roster, rotation);
            routing = Optional.of(routed.decision());
            nextRotation = routed.rotation();
        }
        return new Evaluation(ruleset.version(), score, transitions, current.stage(), routing, actions, nextRotation);
    }

    /** The context as routing saw (or would see) it after this evaluation: its scores and its final stage. */
    public static EvaluationContext settled(EvaluationContext context, Evaluation evaluation) {
        return context.withScores(evaluation.score().fit(), evaluation.score().behavior())
                .withStage(evaluation.stage());
    }

    /** A record is routed when it has no owner or its owner is no longer active. */
    public static boolean needsOwner(EvaluationContext context) {
        return context.owner().map(owner -> !owner.active()).orElse(true);
    }
}
