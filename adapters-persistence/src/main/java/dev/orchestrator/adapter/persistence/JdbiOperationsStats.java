package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.OperationsStats;
import dev.orchestrator.domain.crm.LifecycleStage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class JdbiOperationsStats implements OperationsStats {
    /**
     * The error policy's classes, read from the failure audit events the worker and pipeline write: a validation
     * rejection or a CRM "review" failure waits for a person, a CRM "alert" for configuration, the pipeline's own
     * failure is a poison event, a final attempt is a dead letter, anything else will be retried.
     */
    private static final String FAILURE_CLASS = """
            case when kind = 'rejected' or summary like 'REVIEW:%' or summary like '%: REVIEW:%' then 'review'
                 when summary like 'ALERT:%' or summary like '%: ALERT:%' then 'alert'
                 when actor_name = 'pipeline' then 'poison'
                 when evidence->>'final' = 'true' then 'dead-lettered'
                 else 'retryable' end""";

    private final HandleContext db;

    JdbiOperationsStats(HandleContext db) {
        this.db = db;
    }

    @Override
    public List<MinuteCount> eventsPerMinute(Instant from, Instant to) {
        return db.with(handle -> handle.createQuery("""
                        select date_trunc('minute', received_at) as minute, count(*) as n from raw_events
                        where received_at >= :from and received_at < :to group by 1 order by 1""")
                .bind("from", Timestamp.from(from))
                .bind("to", Timestamp.from(to))
                .map((rs, ctx) -> new MinuteCount(rs.getTimestamp("minute").toInstant(), rs.getLong("n")))
                .list());
    }

    @Override
    public Map<String, Long> failuresByClass(Instant since) {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.use(handle -> handle.createQuery("select " + FAILURE_CLASS + """
                         as class, count(*) as n from audit_events
                        where kind in ('failed', 'rejected') and at >= :since group by 1 order by 2 desc, 1""")
                .bind("since", Timestamp.from(since))
                .map((rs, ctx) -> counts.put(rs.getString("class"), rs.getLong("n")))
                .list());
        return counts;
    }

    @Override
    public Map<LifecycleStage, Long> contactsByStage() {
        Map<LifecycleStage, Long> counts = new EnumMap<>(LifecycleStage.class);
        db.use(handle -> handle.createQuery("select stage, count(*) as n from contacts group by stage")
                .map((rs, ctx) -> counts.put(LifecycleStage.fromKey(rs.getString("stage")), rs.getLong("n")))
                .list());
        return counts;
    }
}
