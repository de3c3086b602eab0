package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.rules.ConditionResult;
import dev.orchestrator.domain.rules.RoutingCandidate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to "why is this contact an MQL / owned by X?": the rule, the ruleset version, when, the event that
 * caused it, each condition with its result and the values it read, and for an assignment every owner considered.
 */
public record DecisionExplanation(String decision, String ruleId, String rulesetVersion, Instant at,
        UUID sourceEventId, String summary, List<ConditionResult> conditions, List<RoutingCandidate> candidates,
        Map<String, String> evidence) {
}
