package dev.orchestrator.application.port.in;

import dev.orchestrator.application.intake.WebhookRequest;
import java.util.Optional;

/** A webhook delivery for {@code source}, as the HTTP edge received it. */
public record IngestWebhookCommand(String source, Optional<String> contentType, WebhookRequest request) {
}
