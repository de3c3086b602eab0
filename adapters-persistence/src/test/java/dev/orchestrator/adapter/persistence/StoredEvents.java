package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.intake.EventStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stores events, jobs and audit events the way intake and the worker do, for the read-side tests. */
final class StoredEvents {
    private final PersistenceAdapter persistence;

    StoredEvents(PersistenceAdapter persistence) {
        this.persistence = persistence;
    }

    UUID event(UUID id, String source, Instant at, Optional<String> email, EventStatus status) {
        persistence.transactions().inTransaction(() -> {
            persistence.events().storeIfAbsent(new RawEvent(id, source, "msg_" + id, source + ":" + id, at,
                    Optional.of("application/json"), Map.of("webhook-signature", "v1,secret-sig"),
                    ("{\"email\":\"" + email.orElse("") + "\"}").getBytes(StandardCharsets.UTF_8), "0", status,
                    Optional.empty()));
            persistence.jobs().enqueue(JobKind.PROCESS_EVENT, id, at, 5);
            return null;
        });
        // Whose event it was, as the worker records it when it marks the event done, without changing the status.
        email.ifPresent(e -> persistence.jdbi().useHandle(h -> h.createUpdate(
                "update raw_events set email = :email where id = :id").bind("email", e).bind("id", id).execute()));
        return id;
    }

    void audit(UUID id, Instant at, AuditKind kind, String entityType, String entityId, UUID correlation,
            Actor actor, String summary, Map<String, String> evidence) {
        persistence.audit().append(new AuditEvent(id, at, kind, entityType, Optional.ofNullable(entityId),
                correlation, actor, summary, Optional.empty(), Optional.empty(), evidence));
    }
}
