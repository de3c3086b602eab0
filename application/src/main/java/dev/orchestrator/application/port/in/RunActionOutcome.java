package dev.orchestrator.application.port.in;

/** What one run of an action job came to (failures are thrown, classified, for the error policy). */
public sealed interface RunActionOutcome {
    /** Delivered now. */
    record Sent(String channel, String detail) implements RunActionOutcome {
    }

    /** Delivered before (a retry after a crash between the send and the job's completion): nothing sent again. */
    record AlreadySent(String channel) implements RunActionOutcome {
    }

    /** Not sent, by configuration (no URL, no connector for it): done, nothing to retry. */
    record Skipped(String channel, String reason) implements RunActionOutcome {
    }

    /** The job carries no action (its payload is gone or unreadable): it can never run. */
    record Poison(String reason) implements RunActionOutcome {
    }
}
