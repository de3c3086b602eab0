package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.PersonalDataStore;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.domain.audit.AuditEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbiPersonalDataStore implements PersonalDataStore {
    /** A review item's reason and problems, each a text to scrub, from {@code select id, reason, problems::text}. */
    private static final RowMapper<List<StoredText>> REVIEW_TEXTS = (rs, ctx) -> List.of(
            new StoredText(StoredText.Kind.REVIEW_REASON, rs.getString("id"), rs.getString("reason")),
            new StoredText(StoredText.Kind.REVIEW_PROBLEMS, rs.getString("id"), rs.getString("problems")));

    private final HandleContext db;

    JdbiPersonalDataStore(HandleContext db) {
        this.db = db;
    }

    /** The body search reads every stored body: fine for a rare erasure, and it finds events never tagged. */
    @Override
    public List<RawEvent> rawEventsOf(String email, Optional<UUID> contactId) {
        return db.with(handle -> handle.createQuery("select " + JdbiEventStore.COLUMNS + " from raw_events"
                        + " where lower(email) = :email"
                        + " or position(:email in lower(encode(body, 'escape'))) > 0"
                        + " or id in (select correlation_id from audit_events"
                        + "           where entity_type = 'contact' and entity_id = :contact)"
                        + " order by received_at, id")
                .bind("email", email.strip().toLowerCase(Locale.ROOT))
                .bind("contact", contactId.map(UUID::toString).orElse(null))
                .map((rs, ctx) -> JdbiEventStore.rawEvent(rs))
                .list());
    }

    @Override
    public List<RawEvent> rawEventsReceivedBefore(Instant cutoff, int limit) {
        return db.with(handle -> handle.createQuery("select " + JdbiEventStore.COLUMNS + " from raw_events"
                        + " where received_at < :cutoff and erased_at is null and status in ('done', 'review', 'dead')"
                        + " order by received_at, id limit :limit for update skip locked")
                .bind("cutoff", Timestamp.from(cutoff))
                .bind("limit", limit)
                .map((rs, ctx) -> JdbiEventStore.rawEvent(rs))
                .list());
    }

    @Override
    public void rewriteRawEvent(UUID eventId, ErasedEvent erased) {
        List<String> names = new ArrayList<>(erased.headers().keySet());
        List<String> values = names.stream().map(n -> Text.safe(erased.headers().get(n))).toList();
        db.use(handle -> handle.createUpdate("""
                        update raw_events set body = :body, headers = json_object(:names, :values),
                            payload_sha256 = :sha, email = :email, last_error = :error, erased_at = :at
                        where id = :id""")
                .bind("id", eventId)
                .bind("body", erased.body())
                .bindArray("names", String.class, names)
                .bindArray("values", String.class, values)
                .bind("sha", erased.payloadSha256())
                .bind("email", erased.email().map(Text::safe).orElse(null))
                .bind("error", erased.lastError().map(Text::safe).orElse(null))
                .bind("at", Timestamp.from(erased.erasedAt()))
                .execute());
    }

    @Override
    public List<AuditEvent> auditOf(Optional<UUID> contactId, Set<UUID> eventIds) {
        return db.with(handle -> handle.createQuery(JdbiAuditLog.SELECT
                        + " where (entity_type = 'contact' and entity_id = :contact) or correlation_id = any(:events)"
                        + " order by seq")
                .bind("contact", contactId.map(UUID::toString).orElse(null))
                .bindArray("events", UUID.class, List.copyOf(eventIds))
                .map((rs, ctx) -> JdbiAuditLog.auditEvent(rs))
                .list());
    }

    @Override
    public List<AuditEvent> auditRecordedBefore(Instant cutoff, int limit) {
        return db.with(handle -> handle.createQuery(JdbiAuditLog.SELECT
                        + " where at < :cutoff and erased_at is null order by seq limit :limit for update skip locked")
                .bind("cutoff", Timestamp.from(cutoff))
                .bind("limit", limit)
                .map((rs, ctx) -> JdbiAuditLog.auditEvent(rs))
                .list());
    }

    @Override
    public void rewriteAudit(UUID auditId, String summary, Map<String, String> evidence, Instant erasedAt) {
        rewrite(auditId, summary, evidence, Optional.of(erasedAt));
    }

    /** {@code erasedAt} empty: the entry's own erasure time, if any, stays as it was. */
    private void rewrite(UUID auditId, String summary, Map<String, String> evidence, Optional<Instant> erasedAt) {
        List<String> keys = new ArrayList<>(evidence.keySet());
        List<String> values = keys.stream().map(k -> Text.safe(evidence.get(k))).toList();
        db.use(handle -> handle.createUpdate("""
                        update audit_events set summary = :summary, evidence = json_object(:keys, :values),
                            erased_at = coalesce(:at, erased_at)
                        where id = :id""")
                .bind("id", auditId)
                .bind("summary", Text.safe(summary))
                .bindArray("keys", String.class, keys)
                .bindArray("values", String.class, values)
                .bind("at", erasedAt.map(Timestamp::from).orElse(null))
                .execute());
    }

    /** Reads every audit entry's evidence: fine for a rare erasure, as the raw events' body search is. */
    @Override
    public List<AuditEvent> auditNaming(String email, Optional<String> crmContactId, Set<UUID> known) {
        return db.with(handle -> handle.createQuery(JdbiAuditLog.SELECT
                        + " where (kind = 'matched' and evidence->>'contact' = :crmId"
                        + "        or position(:email in lower(evidence::text)) > 0"
                        + "        or position(:email in lower(summary)) > 0)"
                        + " and not id = any(:known)"
                        + " order by seq")
                .bind("email", email.strip().toLowerCase(Locale.ROOT))
                .bind("crmId", crmContactId.orElse(null))
                .bindArray("known", UUID.class, List.copyOf(known))
                .map((rs, ctx) -> JdbiAuditLog.auditEvent(rs))
                .list());
    }

    @Override
    public void scrubAudit(UUID auditId, String summary, Map<String, String> evidence) {
        rewrite(auditId, summary, evidence, Optional.empty());
    }

    @Override
    public List<StoredText> reviewTextsNaming(String email, Set<UUID> excludingEvents) {
        return db.with(handle -> {
            List<StoredText> texts = new ArrayList<>();
            handle.createQuery("""
                            select id, reason, problems::text as problems from review_items
                            where (position(:email in lower(problems::text)) > 0 or position(:email in lower(reason)) > 0)
                            and not event_id = any(:excluding)""")
                    .bind("email", email.strip().toLowerCase(Locale.ROOT))
                    .bindArray("excluding", UUID.class, List.copyOf(excludingEvents))
                    .map(REVIEW_TEXTS)
                    .forEach(texts::addAll);
            return texts;
        });
    }

    @Override
    public List<StoredText> textsOf(Set<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = List.copyOf(eventIds);
        return db.with(handle -> {
            List<StoredText> texts = new ArrayList<>();
            handle.createQuery("select id, reason, problems::text as problems from review_items where event_id = any(:ids)")
                    .bindArray("ids", UUID.class, ids)
                    .map(REVIEW_TEXTS)
                    .forEach(texts::addAll);
            handle.createQuery("select id, last_error from jobs where event_id = any(:ids) and last_error is not null")
                    .bindArray("ids", UUID.class, ids)
                    .map((rs, ctx) -> new StoredText(StoredText.Kind.JOB_ERROR, Long.toString(rs.getLong("id")),
                            rs.getString("last_error")))
                    .forEach(texts::add);
            handle.createQuery("select id, payload::text as payload from jobs where event_id = any(:ids) and payload is not null")
                    .bindArray("ids", UUID.class, ids)
                    .map((rs, ctx) -> new StoredText(StoredText.Kind.JOB_PAYLOAD, Long.toString(rs.getLong("id")),
                            rs.getString("payload")))
                    .forEach(texts::add);
            handle.createQuery("""
                            select a.id, a.error from job_attempts a join jobs j on j.id = a.job_id
                            where j.event_id = any(:ids)""")
                    .bindArray("ids", UUID.class, ids)
                    .map((rs, ctx) -> new StoredText(StoredText.Kind.JOB_ATTEMPT_ERROR, Long.toString(rs.getLong("id")),
                            rs.getString("error")))
                    .forEach(texts::add);
            handle.createQuery("""
                            select d.idempotency_key, d.detail from action_deliveries d join jobs j on j.id = d.job_id
                            where j.event_id = any(:ids)""")
                    .bindArray("ids", UUID.class, ids)
                    .map((rs, ctx) -> new StoredText(StoredText.Kind.DELIVERY_DETAIL, rs.getString("idempotency_key"),
                            rs.getString("detail")))
                    .forEach(texts::add);
            return texts;
        });
    }

    @Override
    public void rewriteText(StoredText text, String replacement) {
        String sql = switch (text.kind()) {
            case REVIEW_REASON -> "update review_items set reason = :text where id = cast(:id as uuid)";
            case REVIEW_PROBLEMS -> "update review_items set problems = cast(:text as json) where id = cast(:id as uuid)";
            case JOB_ERROR -> "update jobs set last_error = :text where id = cast(:id as bigint)";
            case JOB_PAYLOAD -> "update jobs set payload = cast(:text as json) where id = cast(:id as bigint)";
            case JOB_ATTEMPT_ERROR -> "update job_attempts set error = :text where id = cast(:id as bigint)";
            case DELIVERY_DETAIL -> "update action_deliveries set detail = :text where idempotency_key = :id";
        };
        db.use(handle -> handle.createUpdate(sql)
                .bind("id", text.rowId())
                .bind("text", Text.safe(replacement))
                .execute());
    }

    @Override
    public int pseudonymizeContact(UUID contactId, String pseudonymousEmail, Instant at) {
        return db.with(handle -> {
            // Signals are kept (behaviour counts still add up) under the pseudonym instead of the address; of the
            // contact's facts only the non-personal ones stay (free text such as a message may name anyone).
            handle.createUpdate("""
                            update signals set email = :email
                            where email = (select email from contacts where id = :id)""")
                    .bind("id", contactId)
                    .bind("email", pseudonymousEmail)
                    .execute();
            return handle.createUpdate("""
                            update contacts set email = :email, first_name = null, last_name = null, phone = null,
                                crm_id = null, updated_at = :at,
                                facts = (select coalesce(json_object_agg(key, value), '{}'::json) from json_each(facts)
                                         where key in ('country', 'state', 'consent', 'budgetRange', 'urgency',
                                             'utm.source', 'utm.medium', 'utm.campaign', 'company', 'company_domain'))
                            where id = :id""")
                    .bind("id", contactId)
                    .bind("email", pseudonymousEmail)
                    .bind("at", Timestamp.from(at))
                    .execute();
        });
    }
}
