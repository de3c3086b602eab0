package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.List;

/** One scoring rule's part of a score: the points it gave (0 when its conditions failed) and why. */
public record ScoreContribution(String ruleId, ScoreKind kind, int points, List<ConditionResult> conditions) {
    public ScoreContribution {
        Require.notBlank("ruleId", ruleId);
        Require.present("kind", kind);
        conditions = List.copyOf(Require.present("conditions", conditions));
    }

    public boolean applied() {
        return points != 0;
    }
}
