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

    /**
     * Requests per second achieved, counted as the paced intervals between the first request and the last: what the
     * limit bounds (0 when fewer than two requests went or no time passed).
     */
    public double achievedRate() {
        return elapsed.isZero() || requests < 2 ? 0 : (requests - 1) * 1000.0 / elapsed.toMillis();
    }
}
