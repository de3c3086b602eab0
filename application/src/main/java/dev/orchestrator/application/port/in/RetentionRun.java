package dev.orchestrator.application.port.in;

import java.time.Instant;

/** The result of one sweep. */
public sealed interface RetentionRun {
    record Swept(Instant cutoff, long rawEvents, long auditEvents) implements RetentionRun {
    }

    /** Another instance holds the sweep's lock: it sweeps, this one does nothing. */
    record SkippedElsewhere() implements RetentionRun {
    }
}
