package dev.orchestrator.domain.classification;

import java.util.Optional;

/** The lane the classifier suggests; routing rules decide whether to follow it. */
public enum RoutingTier {
    PRIORITY, STANDARD, NURTURE, SELF_SERVE;

    /** The key in proposals, rules and audit evidence: the name in lower case. */
    public String key() {
        return Taxonomy.key(this);
    }

    public static Optional<RoutingTier> fromKey(String key) {
        return Taxonomy.fromKey(RoutingTier.class, key);
    }
}
