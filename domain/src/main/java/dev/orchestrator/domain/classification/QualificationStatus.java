package dev.orchestrator.domain.classification;

import java.util.Optional;

/** How far the lead is from a sales conversation, as the classifier reads it. */
public enum QualificationStatus {
    QUALIFIED, NEEDS_INFO, NURTURE, UNQUALIFIED;

    /** The key in proposals, rules and audit evidence: the name in lower case. */
    public String key() {
        return Taxonomy.key(this);
    }

    public static Optional<QualificationStatus> fromKey(String key) {
        return Taxonomy.fromKey(QualificationStatus.class, key);
    }
}
