package dev.orchestrator.domain.classification;

import dev.orchestrator.domain.shared.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a classifier proposes about one lead, already inside our taxonomy and ranges. It is input to the rules
 * only: no field here is ever written to the CRM or the contact unless a rule decides so.
 */
public record ClassificationProposal(QualificationStatus qualificationStatus, int leadScore, RoutingTier routingTier,
        String technicalSummary, List<StackItem> detectedStack, FailureCategory failureCategory, double confidence,
        boolean manualReviewRequired) {

    public static final int MAX_SUMMARY = 500;
    public static final int MAX_STACK = 20;

    public ClassificationProposal {
        Require.present("qualification_status", qualificationStatus);
        Require.between("lead_score", leadScore, 0, 100);
        Require.present("routing_tier", routingTier);
        Require.present("technical_summary", technicalSummary);
        Require.maxLength("technical_summary", technicalSummary, MAX_SUMMARY);
        detectedStack = List.copyOf(Require.present("detected_stack", detectedStack));
        Require.that(detectedStack.size() <= MAX_STACK, "detected_stack", "must name at most " + MAX_STACK + " items");
        Require.that(detectedStack.stream().distinct().count() == detectedStack.size(), "detected_stack",
                "must not repeat an item");
        Require.present("failure_category", failureCategory);
        Require.between("confidence", confidence, 0.0, 1.0);
    }

    /** The proposal under the field keys, as text: the audit trail and the rules both read these. */
    public Map<String, String> asText() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ClassificationField.QUALIFICATION_STATUS.key(), qualificationStatus.key());
        fields.put(ClassificationField.LEAD_SCORE.key(), Integer.toString(leadScore));
        fields.put(ClassificationField.ROUTING_TIER.key(), routingTier.key());
        fields.put(ClassificationField.TECHNICAL_SUMMARY.key(), technicalSummary);
        StringJoiner stack = new StringJoiner(",");
        detectedStack.forEach(item -> stack.add(item.key()));
        fields.put(ClassificationField.DETECTED_STACK.key(), stack.toString());
        fields.put(ClassificationField.FAILURE_CATEGORY.key(), failureCategory.key());
        fields.put(ClassificationField.CONFIDENCE.key(), Double.toString(confidence));
        fields.put(ClassificationField.MANUAL_REVIEW_REQUIRED.key(), Boolean.toString(manualReviewRequired));
        return fields;
    }
}
