package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.List;

/** A rule that was considered and did not apply, with the conditions that said no: the "why not". */
public record SkippedRule(String ruleId, List<ConditionResult> conditions) {
    public SkippedRule {
        Require.notBlank("ruleId", ruleId);
        conditions = List.copyOf(Require.present("conditions", conditions));
    }
}
