package dev.orchestrator.application.port.in;

/** Carries out one queued action (an action job's attempt). */
public interface RunActionUseCase {
    RunActionOutcome run(RunActionCommand command);
}
