package dev.orchestrator.application.port.in.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The fixes an audit proposes, applied under control: planned as a dry run first (stored record by record),
 * then run within a rate, resumable, every change audited with its before and after, field changes undoable, and
 * merges of large clusters only after a person approves them.
 */
public interface CrmBackfillUseCase {
    BackfillJob plan(PlanBackfillCommand command);

    BackfillRunReport run(RunBackfillCommand command);

    /** Lets a merge waiting for approval run with the job's next run. */
    BackfillItem approve(UUID jobId, int seq, String actor);

    /** Writes the before values back over the job's field changes that still hold their after values. */
    BackfillRunReport undo(RunBackfillCommand command);

    Optional<BackfillJob> job(UUID jobId);

    Optional<BackfillJob> latest();

    List<BackfillItem> items(UUID jobId);
}
