package dev.orchestrator.application.port.in.audit;

/** What one backfill item does to the CRM. */
public enum FixKind {
    /** Writes a standardized value over a field (phone to E.164, country to ISO, industry to the taxonomy). */
    SET_FIELD,
    /** Gives a record without an active owner one. */
    REASSIGN_OWNER,
    /** Merges a duplicate cluster into its survivor; the CRM cannot undo it. */
    MERGE
}
