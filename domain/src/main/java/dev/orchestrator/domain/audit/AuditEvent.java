package dev.orchestrator.domain.audit;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One append-only entry of the audit trail: what happened to which entity, caused by which event, decided by
 * whom, with the evidence it read. The correlation id is the source event, so an event's decision trace is
 * its audit events in order.
 */
public record AuditEvent(
        UUID id,
        Instant at,
        AuditKind kind,
        String entityType,
        Optional<String> entityId,
        UUID correlationId,
        Actor actor,
        String summary,
        Optional<String> ruleId,
        Optional<String> rulesetVersion,
        Map<String, String> evidence) {

    public AuditEvent {
        Require.present("id", id);
        Require.present("at", at);
        Require.present("kind", kind);
        Require.notBlank("entityType", entityType);
        Require.present("entityId", entityId);
        Require.present("correlationId", correlationId);
        Require.present("actor", actor);
        Require.notBlank("summary", summary);
        Require.present("ruleId", ruleId);
        Require.present("rulesetVersion", rulesetVersion);
        evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Require.present("evidence", evidence)));
    }
}
