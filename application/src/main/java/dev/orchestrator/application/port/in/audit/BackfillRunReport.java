package dev.orchestrator.application.port.in.audit;

import java.time.Duration;

/**
 * What one run (or undo) did.
 *
 * @param requests CRM calls this run made
 * @param elapsed  wall time of this run by the service's clock
 */
public record BackfillRunReport(BackfillJob job, int done, int skipped, int failed, int awaitingApproval,
        long requests, Duration elapsed) {

    /** Requests per second achieved (0 when nothing was sent or no time passed). */
    public double achievedRate() {
        return elapsed.isZero() || requests == 0 ? 0 : requests * 1000.0 / elapsed.toMillis();
    }
}
