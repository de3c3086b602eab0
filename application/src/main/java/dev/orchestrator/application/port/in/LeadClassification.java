package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.classification.ClassificationProposal;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.Value;
import dev.orchestrator.domain.shared.Require;
import java.util.Map;
import java.util.Optional;

/**
 * The classifier's part in one decision. {@code ruleValues} are the {@code ai.*} fields the rules may read:
 * empty unless a proposal was accepted. {@code evidence} is for the decision trace: the classifier, model and
 * prompt version, each proposed field, the raw answer (cut to a bounded length) and, when refused, why.
 */
public record LeadClassification(Outcome outcome, Optional<ClassificationProposal> proposal,
        Map<String, Value> ruleValues, String summary, Map<String, String> evidence) {

    public enum Outcome {
        /** A proposal passed the schema and the taxonomy; the rules may read it. */
        PROPOSED,
        /** The answer broke the contract and was thrown away; the lead continues without it. */
        DISCARDED,
        /** No answer (timeout, rate limit, provider down, budget spent); the lead continues without it. */
        UNAVAILABLE
    }

    public LeadClassification {
        Require.present("outcome", outcome);
        Require.present("proposal", proposal);
        Require.that(proposal.isPresent() == (outcome == Outcome.PROPOSED), "proposal",
                "is present exactly when the outcome is PROPOSED");
        ruleValues = Map.copyOf(Require.present("ruleValues", ruleValues));
        Require.that(proposal.isPresent() || ruleValues.isEmpty(), "ruleValues",
                "must be empty when nothing was proposed");
        Require.notBlank("summary", summary);
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                Require.present("evidence", evidence)));
    }

    /** The context the rules evaluate, with the accepted proposal as its {@code ai.*} fields. */
    public EvaluationContext applyTo(EvaluationContext context) {
        return context.withAi(ruleValues);
    }
}
