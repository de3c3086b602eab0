package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.ArrayList;
import java.util.List;

/** The fit and behavior scores with every rule's contribution, applied or not. */
public record ScoreCard(int fit, int behavior, List<ScoreContribution> contributions) {
    public ScoreCard {
        contributions = List.copyOf(Require.present("contributions", contributions));
    }

    public int total() {
        return fit + behavior;
    }

    /** Scores every rule of the ruleset against the context. */
    public static ScoreCard score(List<ScoringRule> rules, EvaluationContext context) {
        int fit = 0;
        int behavior = 0;
        List<ScoreContribution> contributions = new ArrayList<>(rules.size());
        for (ScoringRule rule : rules) {
            ConditionSet.Outcome outcome = rule.when().evaluate(context);
            int points = outcome.matched() ? rule.points() : 0;
            if (rule.kind() == ScoreKind.FIT) {
                fit += points;
            } else {
                behavior += points;
            }
            contributions.add(new ScoreContribution(rule.id(), rule.kind(), points, outcome.conditions()));
        }
        return new ScoreCard(fit, behavior, contributions);
    }
}
