package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.NoteDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Notes and tasks in the sandbox CRM's {@code engagements} table. The idempotency key is the row's unique
 * {@code external_id}: a second write with the same key returns the first row, as HubSpot's idempotent writes do.
 */
final class SandboxEngagements implements CrmEngagements {
    private final Jdbi jdbi;
    private final Clock clock;

    SandboxEngagements(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public CrmObjectId createTask(TaskDraft task) {
        return write("task", task.idempotencyKey(), task.contactId(), Optional.of(task.subject()), task.body(),
                Optional.of(Timestamp.from(task.dueAt())), task.ownerId(), Optional.of("NOT_STARTED"));
    }

    @Override
    public CrmObjectId createNote(NoteDraft note) {
        return write("note", note.idempotencyKey(), note.contactId(), Optional.empty(), note.body(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private CrmObjectId write(String kind, String key, CrmObjectId contactId, Optional<String> subject, String body,
            Optional<Timestamp> dueAt, Optional<String> ownerId, Optional<String> status) {
        long contact = parseId(contactId);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbi.inTransaction(handle -> {
            boolean known = handle.createQuery("select count(*) from sandbox_crm.contacts where id = :id")
                    .bind("id", contact).mapTo(Long.class).one() > 0;
            if (!known) {
                throw new CrmFailure(CrmFailure.Kind.REVIEW, "no contact " + contactId.value() + " in the sandbox CRM");
            }
            // "do update set external_id = excluded.external_id" changes nothing but makes RETURNING answer the
            // existing row, so the first write's id comes back on a retry.
            return handle.createQuery("""
                            insert into sandbox_crm.engagements (kind, contact_id, subject, body, due_at, status,
                                hubspot_owner_id, external_id, createdate)
                            values (:kind, :contact, :subject, :body, :due, :status, :owner, :key, :now)
                            on conflict (external_id) do update set external_id = excluded.external_id
                            returning id""")
                    .bind("kind", kind)
                    .bind("contact", contact)
                    .bind("subject", subject.orElse(null))
                    .bind("body", body)
                    .bind("due", dueAt.orElse(null))
                    .bind("status", status.orElse(null))
                    .bind("owner", ownerId.orElse(null))
                    .bind("key", key)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one();
        });
        return new CrmObjectId(Long.toString(id));
    }

    private static long parseId(CrmObjectId id) {
        try {
            return Long.parseLong(id.value());
        } catch (NumberFormatException e) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "sandbox CRM ids are numeric, got " + id);
        }
    }
}
