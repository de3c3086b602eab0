package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Collects the audit events of one pipeline run, so they are written together with the state they explain. */
final class AuditTrail {
    private final UUID correlationId;
    private final IdGenerator ids;
    private final Clock clock;
    private final List<AuditEvent> events = new ArrayList<>();
    private final List<dev.orchestrator.domain.rules.TriggeredAction> dueActions = new ArrayList<>();

    AuditTrail(UUID correlationId, IdGenerator ids, Clock clock) {
        this.correlationId = correlationId;
        this.ids = ids;
        this.clock = clock;
    }

    void record(AuditKind kind, String entityType, Optional<String> entityId, String component, String summary,
            Map<String, String> evidence) {
        events.add(new AuditEvent(ids.newId(), clock.instant(), kind, entityType, entityId, correlationId,
                Actor.system(component), summary, Optional.empty(), Optional.empty(), evidence));
    }

    void recordRule(AuditKind kind, String entityType, String entityId, String ruleId, String rulesetVersion,
            String summary, Map<String, String> evidence) {
        events.add(new AuditEvent(ids.newId(), clock.instant(), kind, entityType, Optional.of(entityId), correlationId,
                Actor.rule(ruleId), summary, Optional.of(ruleId), Optional.of(rulesetVersion), evidence));
    }

    /** The stored event this run works on: a retried run of the same event has the same one. */
    UUID correlationId() {
        return correlationId;
    }

    /** Actions a decision of this run made due: queued in the transaction that commits the decision. */
    void due(List<dev.orchestrator.domain.rules.TriggeredAction> actions) {
        dueActions.addAll(actions);
    }

    List<dev.orchestrator.domain.rules.TriggeredAction> dueActions() {
        return List.copyOf(dueActions);
    }

    List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /** Points the events recorded before the contact existed at it, so its timeline holds them all. */
    List<AuditEvent> eventsFor(String entityType, String entityId) {
        List<AuditEvent> result = new ArrayList<>();
        for (AuditEvent event : events) {
            boolean anonymous = event.entityId().isEmpty() && event.entityType().equals(entityType);
            result.add(anonymous ? new AuditEvent(event.id(), event.at(), event.kind(), event.entityType(),
                    Optional.of(entityId), event.correlationId(), event.actor(), event.summary(), event.ruleId(),
                    event.rulesetVersion(), event.evidence()) : event);
        }
        return result;
    }
}
