package dev.orchestrator.application.port.in;

import java.util.UUID;

public record ProcessEventCommand(UUID eventId, int attempt) {
}
