package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.ReviewQueue;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        db.write("""
                        insert into review_items (id, event_id, reason, problems, status, created_at)
                        values (:id, :eventId, :reason, json_object(:fields, :messages), 'open', :at)""",
                update -> update.bind("id", id)
                        .bind("eventId", eventId)
                        .bind("reason", reason)
                        .bindArray("fields", String.class, problems.stream().map(FieldProblem::field).toList())
                        .bindArray("messages", String.class,
                                problems.stream().map(p -> Text.safe(p.message())).toList())
                        .bind("at", Timestamp.from(at)));
        return id;
    }

    @Override
    public long openCount() {
        return db.with(handle -> handle.createQuery("select count(*) from review_items where status = 'open'")
                .mapTo(Long.class).one());
    }

    private static final String SELECT = """
            select id, event_id, reason, status, created_at, resolved_at, resolved_by,
                   array(select key from json_each_text(problems)) as problem_fields,
                   array(select value from json_each_text(problems)) as problem_messages,
                   array(select key from json_each_text(coalesce(corrections, '{}'::json))) as corrected_fields,
                   array(select value from json_each_text(coalesce(corrections, '{}'::json))) as corrected_values
            from review_items""";

    @Override
    public List<ReviewItem> openItems(Optional<ReviewCursor> after, int limit) {
        return db.with(handle -> {
            var query = handle.createQuery(SELECT + " where status = 'open'"
                    + (after.isPresent() ? " and (created_at, id) > (:afterAt, :afterId)" : "")
                    + " order by created_at, id limit :limit").bind("limit", limit);
            after.ifPresent(c -> query.bind("afterAt", Timestamp.from(c.createdAt())).bind("afterId", c.reviewId()));
            return query.map((rs, ctx) -> item(rs)).list();
        });
    }

    @Override
    public Optional<ReviewItem> find(UUID reviewId) {
        return db.with(handle -> handle.createQuery(SELECT + " where id = :id")
                .bind("id", reviewId)
                .map((rs, ctx) -> item(rs))
                .findOne());
    }

    @Override
    public boolean resolve(UUID reviewId, String resolvedBy, Map<String, String> corrections, Instant at) {
        List<String> fields = new ArrayList<>(corrections.keySet());
        return db.with(handle -> handle.createUpdate("""
                        update review_items set status = 'resolved', resolved_at = :at, resolved_by = :by,
                            corrections = case when cardinality(cast(:fields as text[])) = 0 then null
                                               else json_object(:fields, :values) end
                        where id = :id and status = 'open'""")
                .bind("id", reviewId)
                .bind("at", Timestamp.from(at))
                .bind("by", Text.safe(resolvedBy))
                .bindArray("fields", String.class, fields)
                .bindArray("values", String.class, fields.stream().map(f -> Text.safe(corrections.get(f))).toList())
                .execute()) == 1;
    }

    @Override
    public Map<String, String> corrections(UUID eventId) {
        return db.with(handle -> handle.createQuery("""
                        select array(select key from json_each_text(corrections)) as fields,
                               array(select value from json_each_text(corrections)) as vals
                        from review_items where event_id = :id and status = 'resolved' and corrections is not null
                        order by resolved_at desc limit 1""")
                .bind("id", eventId)
                .map((rs, ctx) -> pairs(rs.getArray("fields"), rs.getArray("vals")))
                .findOne()
                .orElse(Map.of()));
    }

    private static ReviewItem item(ResultSet rs) throws SQLException {
        Map<String, String> problems = pairs(rs.getArray("problem_fields"), rs.getArray("problem_messages"));
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new ReviewItem(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("reason"), problems.entrySet().stream()
                        .map(p -> new FieldProblem(p.getKey(), p.getValue())).toList(),
                "open".equals(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(resolvedAt).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("resolved_by")),
                pairs(rs.getArray("corrected_fields"), rs.getArray("corrected_values")));
    }

    private static Map<String, String> pairs(Array keys, Array values) throws SQLException {
        String[] k = JdbiEventStore.strings(keys);
        String[] v = JdbiEventStore.strings(values);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < k.length; i++) {
            map.put(k[i], v[i]);
        }
        return map;
    }
}
