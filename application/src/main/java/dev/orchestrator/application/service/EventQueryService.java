package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.EventQueryUseCase;
import dev.orchestrator.application.port.in.EventView;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.EventSummary;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class EventQueryService implements EventQueryUseCase {
    private final EventStore events;
    private final JobQueue jobs;
    private final AuditLog audit;

    public EventQueryService(EventStore events, JobQueue jobs, AuditLog audit) {
        this.events = events;
        this.jobs = jobs;
        this.audit = audit;
    }

    @Override
    public Optional<EventView> find(UUID eventId) {
        return events.find(eventId).map(raw -> {
            List<AuditEvent> trace = audit.byCorrelation(eventId);
            Map<String, String> crmIds = new LinkedHashMap<>();
            trace.stream().filter(e -> e.kind() == AuditKind.CRM_WRITTEN)
                    .forEach(e -> crmIds.put(e.entityType(), e.evidence().getOrDefault("crmId", "")));
            return new EventView(raw.id(), raw.source(), raw.sourceEventId(), raw.receivedAt(), raw.status(),
                    jobs.attempts(eventId), raw.lastError(), trace, crmIds, raw.body(), raw.headers());
        });
    }

    @Override
    public List<EventSummary> recent(int limit) {
        return events.recent(limit);
    }
}
