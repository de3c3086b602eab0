package dev.orchestrator.application.rules;

import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.OwnerRoster;
import java.util.UUID;

/**
 * Told about every live evaluation, after it was made, so a ruleset attached in shadow can be evaluated on the
 * same context and its would-be differences recorded. It must never change what the live pipeline does: an
 * implementation swallows its own failures, and the pipeline guards the call as well.
 */
@FunctionalInterface
public interface ShadowEvaluation {
    /** Does nothing: no ruleset in shadow. */
    ShadowEvaluation NONE = observation -> { };

    void observe(Observation observation);

    /** One live evaluation: the event that caused it, the contact, what the rules read and what they answered. */
    record Observation(UUID eventId, String contactId, EvaluationContext context, OwnerRoster roster,
            Evaluation live) {
    }
}
