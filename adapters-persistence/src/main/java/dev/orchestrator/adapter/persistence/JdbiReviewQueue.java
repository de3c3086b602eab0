package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.ReviewQueue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class JdbiReviewQueue implements ReviewQueue {
    private final HandleContext db;
    private final IdGenerator ids;

    JdbiReviewQueue(HandleContext db, IdGenerator ids) {
        this.db = db;
        this.ids = ids;
    }

    @Override
    public UUID open(UUID eventId, String reason, List<FieldProblem> problems, Instant at) {
        UUID id = ids.newId();
        db.use(handle -> handle.createUpdate("""
                        insert into review_items (id, event_id, reason, problems, status, created_at)
                        values (:id, :eventId, :reason, json_object(:fields, :messages), 'open', :at)""")
                .bind("id", id)
                .bind("eventId", eventId)
                .bind("reason", reason)
                .bindArray("fields", String.class, problems.stream().map(FieldProblem::field).toList())
                .bindArray("messages", String.class, problems.stream().map(p -> Text.safe(p.message())).toList())
                .bind("at", Timestamp.from(at))
                .execute());
        return id;
    }

    @Override
    public long openCount() {
        return db.with(handle -> handle.createQuery("select count(*) from review_items where status = 'open'")
                .mapTo(Long.class).one());
    }
}
