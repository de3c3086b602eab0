package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.rules.Evaluation;

/**
 * Scores a record, decides its lifecycle transitions and, when it needs an owner, routes it, under the active
 * ruleset; every part carries the conditions and values it read. Nothing is written: the caller persists the
 * evaluation (audit events, the new round-robin state) and acts on it.
 */
public interface EvaluateLeadUseCase {
    Evaluation evaluate(EvaluateLeadQuery query);
}
