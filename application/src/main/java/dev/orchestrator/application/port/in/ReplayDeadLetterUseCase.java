package dev.orchestrator.application.port.in;

import java.util.List;

/** Replays dead letters: safe to repeat, because processing writes to the CRM with search-before-create. */
public interface ReplayDeadLetterUseCase {
    List<ReplayOutcome> replay(ReplayDeadLetterCommand command);
}
