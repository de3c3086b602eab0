package dev.orchestrator.application.port.in;

/** Runs the pipeline over one stored event: normalize, validate, search the CRM, write, audit each step. */
public interface ProcessEventUseCase {
    ProcessOutcome process(ProcessEventCommand command);

    /** A wave for a worker's batch; by default each event's outcome is written as it is processed. */
    default ProcessingWave openWave() {
        return ProcessingWave.immediate(this);
    }
}
