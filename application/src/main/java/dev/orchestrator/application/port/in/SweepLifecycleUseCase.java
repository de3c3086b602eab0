package dev.orchestrator.application.port.in;

import java.time.Duration;

/**
 * The scheduled sweep behind time-based rules (90 days without activity → nurture): contacts in an open stage
 * that no event has touched for {@code minAge} are queued for re-evaluation, at most {@code limit} per run, on one
 * instance at a time.
 */
public interface SweepLifecycleUseCase {
    SweepReport sweep(SweepCommand command);

    record SweepCommand(Duration minAge, int limit) {
    }

    /**
     * {@code ranElsewhere}: another instance holds the sweep lock, nothing was done here. {@code slaBreaches}: SLA
     * timers found run out and acted on; {@code slaReassigned}: those that changed the owner.
     */
    record SweepReport(boolean ranElsewhere, int queued, int slaBreaches, int slaReassigned) {
        public SweepReport(boolean ranElsewhere, int queued) {
            this(ranElsewhere, queued, 0, 0);
        }
    }
}
