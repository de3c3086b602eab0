package dev.orchestrator.web.archfixture;

import dev.orchestrator.application.service.IngestWebhookService;

/** Deliberate violation: a controller bound to an implementation instead of the in-port. */
public class ControllerUsingAService {
    IngestWebhookService ingest;
}
