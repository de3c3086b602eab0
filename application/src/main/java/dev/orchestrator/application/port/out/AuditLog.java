package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.audit.AuditEvent;
import java.util.List;
import java.util.UUID;

/** The append-only audit trail. */
public interface AuditLog {
    void append(AuditEvent event);

    /** Appends several events in order, in one round trip where the store allows. */
    default void appendAll(List<AuditEvent> events) {
        events.forEach(this::append);
    }

    /** Every audit event an event caused, in the order they happened: its decision trace. */
    List<AuditEvent> byCorrelation(UUID correlationId);

    List<AuditEvent> byEntity(String entityType, String entityId);
}
