package dev.orchestrator.application.port.out;

import java.util.UUID;

/** The event id a delivery ended up under, and whether an earlier delivery had already stored it. */
public record StoreResult(UUID eventId, boolean duplicate) {
}
