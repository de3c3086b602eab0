package dev.orchestrator.application.archfixture;

import dev.orchestrator.application.port.in.IngestOutcome;
import dev.orchestrator.application.port.in.IngestWebhookCommand;
import dev.orchestrator.application.port.in.IngestWebhookUseCase;

/** Deliberate violation: a use-case implementation outside service and not named *Service. */
public class IngestHandler implements IngestWebhookUseCase {
    @Override
    public IngestOutcome ingest(IngestWebhookCommand command) {
        return new IngestOutcome.Refused(IngestOutcome.Refusal.UNKNOWN_SOURCE, "fixture");
    }
}
