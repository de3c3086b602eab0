package dev.orchestrator.application.port.in;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Close a review item on behalf of {@code actor}. With {@code corrections} (canonical lead fields and their right
 * values) or {@code rerun}, the event is processed again, reading the corrected values instead of the sent ones.
 */
public record ResolveReviewCommand(UUID reviewId, String actor, Map<String, String> corrections, boolean rerun) {
    /** The canonical lead fields a reviewer may correct. */
    public static final java.util.List<String> CORRECTABLE_FIELDS = java.util.List.of("email", "firstName",
            "lastName", "company", "website", "phone", "country", "consent", "state", "budgetRange", "urgency",
            "industry", "routingTier");

    public ResolveReviewCommand {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a resolution names the user who made it");
        }
        corrections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(corrections));
    }

    public boolean reprocess() {
        return rerun || !corrections.isEmpty();
    }
}
