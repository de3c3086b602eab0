package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.AlertLog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Operator alerts, one row per channel; an open alert has no {@code cleared_at}. */
final class JdbiAlertLog implements AlertLog {
    private final HandleContext db;

    JdbiAlertLog(HandleContext db) {
        this.db = db;
    }

    @Override
    public boolean raise(String channel, String reason, Instant at) {
        return db.with(handle -> handle.createQuery("""
                        insert into operator_alerts as a (channel, reason, raised_at, cleared_at)
                        values (:channel, :reason, :at, null)
                        on conflict (channel) do update set reason = excluded.reason,
                            raised_at = case when a.cleared_at is null then a.raised_at else excluded.raised_at end,
                            cleared_at = null
                        returning raised_at = :at""")
                .bind("channel", channel)
                .bind("reason", Text.safe(reason))
                .bind("at", Timestamp.from(at))
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public void clear(String channel, Instant at) {
        db.use(handle -> handle.createUpdate("""
                        update operator_alerts set cleared_at = :at where channel = :channel and cleared_at is null""")
                .bind("channel", channel)
                .bind("at", Timestamp.from(at))
                .execute());
    }

    @Override
    public List<OpenAlert> open() {
        return db.with(handle -> handle.createQuery("""
                        select channel, reason, raised_at from operator_alerts where cleared_at is null
                        order by raised_at""")
                .map((rs, ctx) -> new OpenAlert(rs.getString("channel"), rs.getString("reason"),
                        rs.getTimestamp("raised_at").toInstant()))
                .list());
    }
}
