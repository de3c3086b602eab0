package dev.orchestrator.application.port.in;

/** Runs the pipeline over one stored event: normalize, validate, search the CRM, write, audit each step. */
public interface ProcessEventUseCase {
    ProcessOutcome process(ProcessEventCommand command);
}
