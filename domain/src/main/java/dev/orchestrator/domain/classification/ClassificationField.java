package dev.orchestrator.domain.classification;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The only fields a classifier may propose. Rules read them as {@code ai.<key>}; nothing else of a model's answer
 * is accepted, so a model cannot smuggle in a stage, an owner or a payment state.
 */
public enum ClassificationField {
    QUALIFICATION_STATUS, LEAD_SCORE, ROUTING_TIER, TECHNICAL_SUMMARY, DETECTED_STACK, FAILURE_CATEGORY, CONFIDENCE,
    MANUAL_REVIEW_REQUIRED;

    public String key() {
        return Taxonomy.key(this);
    }

    /** Every key, in declaration order. */
    public static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (ClassificationField field : values()) {
            keys.add(field.key());
        }
        return Set.copyOf(keys);
    }
}
