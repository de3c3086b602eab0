package dev.orchestrator.application.port.in;

/** Verify, store raw and enqueue, then acknowledge: the first step of the walk of one event. */
public interface IngestWebhookUseCase {
    IngestOutcome ingest(IngestWebhookCommand command);
}
