package dev.orchestrator.domain.audit;

import java.util.Locale;

/** What happened, in the words of the audit trail (see DESIGN.md, "Audit trail"). */
public enum AuditKind {
    RECEIVED, NORMALIZED, VALIDATED, CORRECTED, REJECTED, MATCHED, MERGED, ENRICHED, CLASSIFIED, SCORED, TRANSITIONED,
    ROUTED, CRM_SEARCHED, CRM_WRITTEN, ACTION_SENT, FAILED, ERASED,
    /** An action made due by a decision and queued as its own job; one of its attempts failed; an operator alerted. */
    ACTION_QUEUED, ACTION_FAILED, ALERTED,
    /** A person put a dead letter back in the queue, or closed a review item. */
    REPLAYED, REVIEW_RESOLVED,
    /** The rules in force changed: the active file reloaded, a ruleset attached in or detached from shadow, promoted. */
    RULESET_CHANGED,
    /** An owner let an SLA timer run out (the sweep reassigns and alerts); the alert itself, for any channel. */
    SLA_BREACHED, ALERT_RAISED,
    /** A change made in the CRM that updated our view; one we ignored (our own echo, a duplicate, superseded). */
    CRM_UPDATED, IGNORED;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AuditKind fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
