package dev.orchestrator.application.port.in.audit;

/** Where one backfill item stands. */
public enum ItemStatus {
    PENDING, AWAITING_APPROVAL, DONE, SKIPPED, FAILED, UNDONE;

    public boolean finished() {
        return this == DONE || this == SKIPPED || this == FAILED || this == UNDONE;
    }
}
