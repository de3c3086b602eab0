package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.List;

/**
 * Who gets the lead, by which rule, with the conditions that held, the owners that lost and why, the earlier
 * rules that did not match (first match wins, so they explain the choice too), and a sentence for the outcome. {@link #NO_RULE} is the rule id when no routing rule matched and the fallback queue took it.
 */
public record RoutingDecision(String ruleId, RoutingTarget target, List<ConditionResult> conditions,
        List<RoutingCandidate> candidates, List<SkippedRule> skipped, String reason) {
    public static final String NO_RULE = "fallback";

    public RoutingDecision {
        Require.notBlank("ruleId", ruleId);
        Require.present("target", target);
        conditions = List.copyOf(Require.present("conditions", conditions));
        candidates = List.copyOf(Require.present("candidates", candidates));
        skipped = List.copyOf(Require.present("skipped", skipped));
        Require.notBlank("reason", reason);
    }
}
