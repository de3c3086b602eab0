package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ClassifyLeadCommand;
import dev.orchestrator.application.port.in.ClassifyLeadUseCase;
import dev.orchestrator.application.port.in.LeadClassification;
import dev.orchestrator.application.port.in.LeadClassification.Outcome;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.port.out.classification.ClassifierInfo;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import dev.orchestrator.domain.classification.ClassificationField;
import dev.orchestrator.domain.classification.ClassificationProposal;
import dev.orchestrator.domain.rules.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a classifier's answer into what the pipeline needs. Only an accepted proposal yields {@code ai.*} values,
 * typed as the rules compare them (scores and confidence as numbers, the review flag as a flag); a discarded or
 * missing answer yields none, so every {@code ai.*} condition is false and the lead continues on its own facts.
 * The answer is never written anywhere but the decision trace.
 */
public final class ClassifyLeadService implements ClassifyLeadUseCase {
    /** The raw answer kept in the trace: enough to see what went wrong, bounded so a runaway answer stays small. */
    public static final int MAX_RAW_ANSWER = 2000;

    private final LeadClassifier classifier;

    public ClassifyLeadService(LeadClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public LeadClassification classify(ClassifyLeadCommand command) {
        ClassifierInfo info = classifier.info();
        ClassifierAnswer answer = classifier.classify(command.input());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("classifier", info.name());
        evidence.put("model", info.model());
        evidence.put("promptVersion", info.promptVersion());
        evidence.put("inputHash", command.input().hash());
        if (answer instanceof ClassifierAnswer.Proposal accepted) {
            ClassificationProposal proposal = accepted.proposal();
            evidence.put("outcome", "proposed");
            proposal.asText().forEach((field, value) -> evidence.put("ai." + field, value));
            evidence.put("rawAnswer", truncate(accepted.rawAnswer()));
            return new LeadClassification(Outcome.PROPOSED, Optional.of(proposal), ruleValues(proposal),
                    "proposed " + proposal.qualificationStatus().key() + ", tier " + proposal.routingTier().key()
                            + ", confidence " + proposal.confidence() + " by " + info.name() + " " + info.model(),
                    evidence);
        }
        if (answer instanceof ClassifierAnswer.Discarded discarded) {
            evidence.put("outcome", "discarded");
            evidence.put("reason", discarded.reason());
            evidence.put("rawAnswer", truncate(discarded.rawAnswer()));
            return new LeadClassification(Outcome.DISCARDED, Optional.empty(), Map.of(),
                    "proposal discarded: " + discarded.reason(), evidence);
        }
        ClassifierAnswer.Unavailable unavailable = (ClassifierAnswer.Unavailable) answer;
        evidence.put("outcome", "unavailable");
        evidence.put("reason", unavailable.reason());
        evidence.put("kind", unavailable.kind().name().toLowerCase(java.util.Locale.ROOT));
        unavailable.retryAfter().ifPresent(after -> evidence.put("retryAfter", after.toString()));
        return new LeadClassification(Outcome.UNAVAILABLE, Optional.empty(), Map.of(),
                "classifier unavailable: " + unavailable.reason(), evidence);
    }

    /** The proposal as the rules read it under {@code ai.<field>}. */
    static Map<String, Value> ruleValues(ClassificationProposal proposal) {
        Map<String, String> text = proposal.asText();
        Map<String, Value> values = new LinkedHashMap<>();
        values.put(ClassificationField.QUALIFICATION_STATUS.key(), Value.of(proposal.qualificationStatus().key()));
        values.put(ClassificationField.LEAD_SCORE.key(), Value.of(proposal.leadScore()));
        values.put(ClassificationField.ROUTING_TIER.key(), Value.of(proposal.routingTier().key()));
        values.put(ClassificationField.TECHNICAL_SUMMARY.key(), Value.of(proposal.technicalSummary()));
        values.put(ClassificationField.DETECTED_STACK.key(),
                Value.of(text.get(ClassificationField.DETECTED_STACK.key())));
        values.put(ClassificationField.FAILURE_CATEGORY.key(), Value.of(proposal.failureCategory().key()));
        values.put(ClassificationField.CONFIDENCE.key(), Value.of(proposal.confidence()));
        values.put(ClassificationField.MANUAL_REVIEW_REQUIRED.key(), Value.of(proposal.manualReviewRequired()));
        return values;
    }

    private static String truncate(String raw) {
        return raw.length() <= MAX_RAW_ANSWER ? raw : raw.substring(0, MAX_RAW_ANSWER) + "… (" + raw.length()
                + " characters)";
    }
}
