package dev.orchestrator.application.port.out;

import java.time.Instant;
import java.util.UUID;

/** Where a page of events (newest first) ended: the next page starts strictly after this event. */
public record EventCursor(Instant receivedAt, UUID eventId) {
}
