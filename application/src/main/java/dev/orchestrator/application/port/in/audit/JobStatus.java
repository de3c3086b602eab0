package dev.orchestrator.application.port.in.audit;

/** Where a backfill job stands. */
public enum JobStatus {
    /** The dry run: the plan is stored, the CRM is untouched. */
    PLANNED,
    RUNNING,
    /** Stopped on request or by a retryable CRM failure; running it again resumes. */
    STOPPED,
    /** Today's request budget is spent; running it again (tomorrow) resumes. */
    DAILY_LIMIT,
    /** Every item has run; merges waiting for approval are left as they are. */
    FINISHED,
    /** An undo ran over the job's reversible changes. */
    UNDONE
}
