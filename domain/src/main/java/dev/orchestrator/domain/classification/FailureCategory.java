package dev.orchestrator.domain.classification;

import java.util.Optional;

/** What the lead says is going wrong, so the team reads the right playbook. */
public enum FailureCategory {
    NONE, DATA_PIPELINE, COMPLIANCE, SCALABILITY, PERFORMANCE, INTEGRATION, COST, RELIABILITY, OTHER;

    /** The key in proposals, rules and audit evidence: the name in lower case. */
    public String key() {
        return Taxonomy.key(this);
    }

    public static Optional<FailureCategory> fromKey(String key) {
        return Taxonomy.fromKey(FailureCategory.class, key);
    }
}
