package dev.orchestrator.domain.audit;

import java.util.Locale;

/** What happened, in the words of the audit trail (see DESIGN.md, "Audit trail"). */
public enum AuditKind {
    RECEIVED, NORMALIZED, VALIDATED, CORRECTED, REJECTED, MATCHED, MERGED, ENRICHED, CLASSIFIED, SCORED, TRANSITIONED,
    ROUTED, CRM_SEARCHED, CRM_WRITTEN, ACTION_SENT, FAILED, ERASED,
    /** An action made due by a decision and queued as its own job; one of its attempts failed; an operator alerted. */
    ACTION_QUEUED, ACTION_FAILED, ALERTED,
    /** A person put a dead letter back in the queue, or closed a review item. */
    REPLAYED, REVIEW_RESOLVED;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AuditKind fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
