package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.actions.ActionJob;
import dev.orchestrator.application.port.out.actions.ActionOutbox;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Action jobs in the job queue: the action and its snapshot as a json object of strings (built by PostgreSQL's
 * {@code json_object}, read back with {@code json_each_text}, so this adapter needs no JSON library), unique by
 * idempotency key.
 */
final class JdbiActionOutbox implements ActionOutbox {
    private static final String ACTION_PREFIX = "action.";
    private final HandleContext db;

    JdbiActionOutbox(HandleContext db) {
        this.db = db;
    }

    @Override
    public List<String> enqueueKeys(List<ActionJob> jobs, Instant runAt, int maxAttempts) {
        List<String> queued = new ArrayList<>();
        for (ActionJob job : jobs) {
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put(ACTION_PREFIX + "contactId", job.contactId());
            payload.put(ACTION_PREFIX + "rule", job.actionRuleId());
            payload.put(ACTION_PREFIX + "index", Integer.toString(job.index()));
            payload.put(ACTION_PREFIX + "type", job.type());
            payload.put(ACTION_PREFIX + "target", job.target());
            payload.putAll(job.details());
            List<String> keys = new ArrayList<>(payload.keySet());
            List<String> values = keys.stream().map(key -> Text.safe(payload.get(key))).toList();
            db.with(handle -> handle.createQuery("""
                            insert into jobs (kind, event_id, status, max_attempts, run_at, created_at, updated_at,
                                payload, idempotency_key)
                            values (:kind, :eventId, 'ready', :maxAttempts, :runAt, :runAt, :runAt,
                                json_object(:keys, :values), :key)
                            on conflict (idempotency_key) where idempotency_key is not null do nothing
                            returning idempotency_key""")
                    .bind("kind", JobKind.RUN_ACTION.key())
                    .bind("eventId", job.eventId())
                    .bind("maxAttempts", maxAttempts)
                    .bind("runAt", Timestamp.from(runAt))
                    .bindArray("keys", String.class, keys)
                    .bindArray("values", String.class, values)
                    .bind("key", job.idempotencyKey())
                    .mapTo(String.class)
                    .findOne())
                    .ifPresent(queued::add);
        }
        return queued;
    }

    @Override
    public Optional<ActionJob> job(long jobId) {
        return db.with(handle -> handle.createQuery("""
                        select event_id, idempotency_key,
                               array(select key from json_each_text(payload)) as keys,
                               array(select value from json_each_text(payload)) as vals
                        from jobs where id = :id and kind = :kind and payload is not null""")
                .bind("id", jobId)
                .bind("kind", JobKind.RUN_ACTION.key())
                .map((rs, ctx) -> {
                    Map<String, String> payload = zip(rs.getArray("keys"), rs.getArray("vals"));
                    Map<String, String> details = new LinkedHashMap<>();
                    payload.forEach((key, value) -> {
                        if (!key.startsWith(ACTION_PREFIX)) {
                            details.put(key, value);
                        }
                    });
                    return new ActionJob(rs.getString("idempotency_key"), rs.getObject("event_id", UUID.class),
                            payload.get(ACTION_PREFIX + "contactId"), payload.get(ACTION_PREFIX + "rule"),
                            Integer.parseInt(payload.get(ACTION_PREFIX + "index")), payload.get(ACTION_PREFIX + "type"),
                            payload.get(ACTION_PREFIX + "target"), details);
                })
                .findOne());
    }

    private static Map<String, String> zip(Array keys, Array values) throws SQLException {
        String[] k = (String[]) keys.getArray();
        String[] v = (String[]) values.getArray();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < k.length; i++) {
            map.put(k[i], v[i] == null ? "" : v[i]);
        }
        return map;
    }

    @Override
    public Optional<Instant> deliveredAt(String idempotencyKey) {
        return db.with(handle -> handle.createQuery(
                        "select delivered_at from action_deliveries where idempotency_key = :key")
                .bind("key", idempotencyKey)
                .map((rs, ctx) -> rs.getTimestamp(1).toInstant())
                .findOne());
    }

    @Override
    public void recordDelivered(String idempotencyKey, long jobId, String channel, String detail, Instant at) {
        db.use(handle -> handle.createUpdate("""
                        insert into action_deliveries (idempotency_key, job_id, channel, detail, delivered_at)
                        values (:key, :jobId, :channel, :detail, :at)
                        on conflict (idempotency_key) do nothing""")
                .bind("key", idempotencyKey)
                .bind("jobId", jobId)
                .bind("channel", channel)
                .bind("detail", Text.safe(detail))
                .bind("at", Timestamp.from(at))
                .execute());
    }
}
