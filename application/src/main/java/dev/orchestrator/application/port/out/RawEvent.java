package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.intake.EventStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A webhook as stored: the exact bytes that were signed, never re-serialized. */
public record RawEvent(
        UUID id,
        String source,
        String sourceEventId,
        String idempotencyKey,
        Instant receivedAt,
        Optional<String> contentType,
        Map<String, String> headers,
        byte[] body,
        String payloadSha256,
        EventStatus status,
        Optional<String> lastError) {

    public RawEvent {
        headers = Map.copyOf(headers);
    }
}
