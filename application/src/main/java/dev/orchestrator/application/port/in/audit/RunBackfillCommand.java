package dev.orchestrator.application.port.in.audit;

import dev.orchestrator.domain.shared.Require;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Runs (or resumes) a planned job for real: its pending items in order, within the rate.
 *
 * @param stop asked before every item; {@code true} ends the run cleanly, to be resumed later
 */
public record RunBackfillCommand(UUID jobId, BackfillRate rate, BooleanSupplier stop, String actor) {
    public RunBackfillCommand {
        Require.present("jobId", jobId);
        Require.present("rate", rate);
        Require.present("stop", stop);
        Require.notBlank("actor", actor);
    }
}
