package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An event with its decision trace and the CRM objects it touched. */
public record EventView(UUID id, String source, String sourceEventId, Instant receivedAt, EventStatus status,
        int attempts, Optional<String> lastError, List<AuditEvent> trace, Map<String, String> crmObjectIds,
        byte[] body, Map<String, String> headers) {
}
