package dev.orchestrator.web.api;

import dev.orchestrator.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.Map;

/** An audit event as the JSON API shows it. */
public record AuditEventJson(String id, Instant at, String kind, String entityType, String entityId,
        String correlationId, String actor, String summary, String ruleId, String rulesetVersion,
        Map<String, String> evidence) {

    public static AuditEventJson of(AuditEvent event) {
        return new AuditEventJson(event.id().toString(), event.at(), event.kind().key(), event.entityType(),
                event.entityId().orElse(null), event.correlationId().toString(),
                event.actor().type().name().toLowerCase(java.util.Locale.ROOT) + ":" + event.actor().name(),
                event.summary(), event.ruleId().orElse(null), event.rulesetVersion().orElse(null), event.evidence());
    }
}
