package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.EventSummary;
import dev.orchestrator.application.port.out.NewJob;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.StoreResult;
import dev.orchestrator.domain.intake.EventStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

final class JdbiEventStore implements EventStore {
    static final String COLUMNS = columns("raw_events");

    /** The columns {@link #rawEvent} reads, of {@code table} (the table's name or its alias in the statement). */
    static String columns(String table) {
        return String.format("""
                %1$s.id, %1$s.source, %1$s.source_event_id, %1$s.idempotency_key, %1$s.received_at, \
                %1$s.content_type, array(select key from json_each_text(%1$s.headers)) as header_names, \
                array(select value from json_each_text(%1$s.headers)) as header_values, %1$s.body, \
                %1$s.payload_sha256, %1$s.status, %1$s.last_error""", table);
    }

    private static final String INSERT_EVENT = """
            with event as (
                insert into raw_events (id, source, source_event_id, idempotency_key, received_at, content_type,
                    headers, body, payload_sha256, status, last_error, updated_at)
                values (:id, :source, :sourceEventId, :key, :receivedAt, :contentType,
                    json_object(:names, :values), :body, :sha, :status, :error, :receivedAt)
                on conflict (idempotency_key) do nothing
                returning id
            )
            """;

    private final HandleContext db;
    private final Clock clock;

    JdbiEventStore(HandleContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public StoreResult storeIfAbsent(RawEvent event) {
        return db.with(handle -> {
            Optional<UUID> inserted = bindEvent(handle.createQuery(INSERT_EVENT + " select id from event"), event)
                    .mapTo(UUID.class)
                    .findOne();
            return inserted.map(id -> new StoreResult(id, false)).orElseGet(() -> firstDelivery(handle, event));
        });
    }

    /**
     * One statement, so one round trip and (outside a transaction) its own commit: the job is inserted only if the
     * event was, and the job's foreign key is checked at the statement's end, when the event row is there.
     */
    @Override
    public StoreResult storeIfAbsent(RawEvent event, NewJob job) {
        return db.with(handle -> {
            Optional<UUID> inserted = bindEvent(handle.createQuery(INSERT_EVENT + """
                            , job as (
                                insert into jobs (kind, event_id, status, max_attempts, run_at, last_error, created_at,
                                    updated_at)
                                select :jobKind, id, :jobStatus, :maxAttempts, :receivedAt, :jobError, :receivedAt,
                                    :receivedAt
                                from event
                            )
                            select id from event"""), event)
                    .bind("jobKind", job.kind().key())
                    .bind("jobStatus", job.deadOnArrival().isPresent() ? "dead" : "ready")
                    .bind("maxAttempts", job.maxAttempts())
                    .bind("jobError", job.deadOnArrival().map(Text::safe).orElse(null))
                    .mapTo(UUID.class)
                    .findOne();
            return inserted.map(id -> new StoreResult(id, false)).orElseGet(() -> firstDelivery(handle, event));
        });
    }

    private static Query bindEvent(Query insert, RawEvent event) {
        List<String> names = new ArrayList<>(event.headers().keySet());
        List<String> values = names.stream().map(name -> Text.safe(event.headers().get(name))).toList();
        return insert.bind("id", event.id())
                .bind("source", event.source())
                .bind("sourceEventId", Text.safe(event.sourceEventId()))
                .bind("key", Text.safe(event.idempotencyKey()))
                .bind("receivedAt", Timestamp.from(event.receivedAt()))
                .bind("contentType", event.contentType().map(Text::safe).orElse(null))
                .bindArray("names", String.class, names)
                .bindArray("values", String.class, values)
                .bind("body", event.body())
                .bind("sha", event.payloadSha256())
                .bind("status", event.status().key())
                .bind("error", event.lastError().map(Text::safe).orElse(null));
    }

    private static StoreResult firstDelivery(Handle handle, RawEvent event) {
        UUID first = handle.createQuery("select id from raw_events where idempotency_key = :key")
                .bind("key", Text.safe(event.idempotencyKey()))
                .mapTo(UUID.class)
                .one();
        return new StoreResult(first, true);
    }

    @Override
    public Optional<RawEvent> find(UUID eventId) {
        return db.with(handle -> handle.createQuery("select " + COLUMNS + " from raw_events where id = :id")
                .bind("id", eventId)
                .map((rs, ctx) -> rawEvent(rs))
                .findOne());
    }

    @Override
    public void updateStatus(UUID eventId, EventStatus status, Optional<String> error) {
        db.writeRelaxed("update raw_events set status = :status, last_error = :error, updated_at = :now where id = :id",
                update -> update.bind("id", eventId)
                        .bind("status", status.key())
                        .bind("error", error.map(Text::safe).orElse(null))
                        .bind("now", Timestamp.from(clock.instant())));
    }

    @Override
    public void markDone(UUID eventId, String email) {
        db.writeRelaxed("""
                        update raw_events set status = :status, last_error = null, updated_at = :now, email = :email
                        where id = :id""",
                update -> update.bind("id", eventId)
                        .bind("status", EventStatus.DONE.key())
                        .bind("email", Text.safe(email))
                        .bind("now", Timestamp.from(clock.instant())));
    }

    @Override
    public void markAllDone(Map<UUID, String> emailByEvent) {
        if (emailByEvent.size() <= 1) {
            emailByEvent.forEach(this::markDone);
            return;
        }
        List<Map.Entry<UUID, String>> done = List.copyOf(emailByEvent.entrySet());
        db.writeRelaxed("""
                        update raw_events e set status = :status, last_error = null, updated_at = :now,
                            email = d.email
                        from unnest(:ids::uuid[], :emails::text[]) as d(id, email)
                        where e.id = d.id""",
                update -> update.bindArray("ids", done.stream().map(d -> d.getKey().toString()).toArray(String[]::new))
                        .bindArray("emails", done.stream().map(d -> Text.safe(d.getValue())).toArray(String[]::new))
                        .bind("status", EventStatus.DONE.key())
                        .bind("now", Timestamp.from(clock.instant())));
    }

    @Override
    public List<EventSummary> recent(int limit) {
        return db.with(handle -> handle.createQuery("""
                        select id, source, source_event_id, received_at, status, email, last_error
                        from raw_events order by received_at desc, id limit :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new EventSummary(rs.getObject("id", UUID.class), rs.getString("source"),
                        rs.getString("source_event_id"), rs.getTimestamp("received_at").toInstant(),
                        EventStatus.fromKey(rs.getString("status")), Optional.ofNullable(rs.getString("email")),
                        Optional.ofNullable(rs.getString("last_error"))))
                .list());
    }

    @Override
    public long count() {
        return db.with(handle -> handle.createQuery("select count(*) from raw_events").mapTo(Long.class).one());
    }

    static RawEvent rawEvent(ResultSet rs) throws SQLException {
        String[] names = strings(rs.getArray("header_names"));
        String[] values = strings(rs.getArray("header_values"));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            headers.put(names[i], values[i]);
        }
        return new RawEvent(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("source_event_id"),
                rs.getString("idempotency_key"), rs.getTimestamp("received_at").toInstant(),
                Optional.ofNullable(rs.getString("content_type")), headers, rs.getBytes("body"),
                rs.getString("payload_sha256"), EventStatus.fromKey(rs.getString("status")),
                Optional.ofNullable(rs.getString("last_error")));
    }

    static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
