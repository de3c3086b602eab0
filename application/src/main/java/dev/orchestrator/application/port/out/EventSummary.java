package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.intake.EventStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One line of the events list. */
public record EventSummary(UUID id, String source, String sourceEventId, Instant receivedAt, EventStatus status,
        Optional<String> email, Optional<String> lastError) {
}
