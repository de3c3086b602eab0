package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.EventCursor;
import dev.orchestrator.application.port.out.EventFilter;
import dev.orchestrator.application.port.out.EventSearch;
import dev.orchestrator.application.port.out.EventSummary;
import dev.orchestrator.domain.intake.EventStatus;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.Query;

/**
 * Events search with keyset pages: the next page continues strictly after the last row's
 * {@code (received_at, id)}, so a page costs the same however deep it is (no OFFSET scan). Only the conditions
 * that are given appear in the SQL, so PostgreSQL can pick the matching index (see V50).
 */
final class JdbiEventSearch implements EventSearch {
    private final HandleContext db;

    JdbiEventSearch(HandleContext db) {
        this.db = db;
    }

    @Override
    public List<EventSummary> search(EventFilter filter, Optional<EventCursor> after, int limit) {
        List<String> where = new ArrayList<>();
        filter.email().ifPresent(v -> where.add("email = :email"));
        filter.domain().ifPresent(v -> where.add("email is not null and lower(split_part(email, '@', 2)) = :domain"));
        filter.source().ifPresent(v -> where.add("source = :source"));
        filter.status().ifPresent(v -> where.add("status = :status"));
        filter.from().ifPresent(v -> where.add("received_at >= :from"));
        filter.to().ifPresent(v -> where.add("received_at < :to"));
        after.ifPresent(v -> where.add("(received_at, id) < (:afterAt, :afterId)"));
        String sql = "select id, source, source_event_id, received_at, status, email, last_error from raw_events"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by received_at desc, id desc limit :limit";
        return db.with(handle -> {
            Query query = handle.createQuery(sql).bind("limit", limit);
            filter.email().ifPresent(v -> query.bind("email", v));
            filter.domain().ifPresent(v -> query.bind("domain", v));
            filter.source().ifPresent(v -> query.bind("source", v));
            filter.status().ifPresent(v -> query.bind("status", v.key()));
            filter.from().ifPresent(v -> query.bind("from", Timestamp.from(v)));
            filter.to().ifPresent(v -> query.bind("to", Timestamp.from(v)));
            after.ifPresent(v -> query.bind("afterAt", Timestamp.from(v.receivedAt())).bind("afterId", v.eventId()));
            return query.map((rs, ctx) -> new EventSummary(rs.getObject("id", UUID.class), rs.getString("source"),
                            rs.getString("source_event_id"), rs.getTimestamp("received_at").toInstant(),
                            EventStatus.fromKey(rs.getString("status")), Optional.ofNullable(rs.getString("email")),
                            Optional.ofNullable(rs.getString("last_error"))))
                    .list();
        });
    }
}
