package dev.orchestrator.application.port.out.notify;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One outbound webhook in Standard Webhooks' shape ({@code type}, {@code timestamp}, {@code data}). The id is the
 * action's idempotency key and goes out as {@code webhook-id} on every attempt, so the receiver can drop a
 * redelivery.
 */
public record OutboundMessage(String id, String type, Instant timestamp, Map<String, String> data) {
    public OutboundMessage {
        Require.notBlank("id", id);
        Require.notBlank("type", type);
        Require.present("timestamp", timestamp);
        data = Collections.unmodifiableMap(new LinkedHashMap<>(Require.present("data", data)));
    }
}
