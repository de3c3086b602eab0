package dev.orchestrator.application.port.in;

import java.util.List;

/** Replays the dead letters a filter selects; each one as safe as a single replay. */
public interface BulkReplayUseCase {
    List<ReplayOutcome> replayMatching(BulkReplayCommand command);
}
