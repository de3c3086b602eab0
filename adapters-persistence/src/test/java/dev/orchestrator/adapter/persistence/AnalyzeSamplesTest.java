package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.testing.SequentialIds;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Autovacuum analyzes a table each time a tenth of it is new; for the tables every lead writes to, an analyze reads
 * a small sample (statistics target 10: 3,000 rows, ten histogram buckets) instead of the default 30,000 rows.
 */
class AnalyzeSamplesTest {
    private final Jdbi jdbi = PersistenceAdapter.create(TestDatabase.fresh(), Clock.systemUTC(), new SequentialIds())
            .jdbi();

    @Test
    void theAuditTrailsTimesAreDescribedByTenHistogramBuckets() {
        jdbi.useHandle(h -> {
            h.execute("""
                    insert into audit_events (id, at, kind, entity_type, entity_id, correlation_id, actor_type,
                        actor_name, summary, evidence)
                    select gen_random_uuid(), timestamptz '2026-11-01' + n * interval '1 minute', 'scored', 'contact',
                        'c' || n, gen_random_uuid(), 'system', 'scoring', 'scored', '{}'
                    from generate_series(1, 500) n""");
            h.execute("analyze audit_events");
        });

        assertThat(histogramBounds("audit_events", "at")).isBetween(2, 11);
        assertThat(histogramBounds("audit_events", "entity_id")).isBetween(2, 11);
    }

    @Test
    void theEventsIndexByEmailDomainIsSampledLikeItsTable() {
        jdbi.useHandle(h -> {
            h.execute("""
                    insert into raw_events (id, source, source_event_id, idempotency_key, received_at, headers, body,
                        payload_sha256, status, updated_at, email)
                    select gen_random_uuid(), 'form', 'msg_' || n, 'form:' || n, now(), '{}', '', '0', 'done', now(),
                        'lead' || n || '@company' || n || '.example'
                    from generate_series(1, 500) n""");
            h.execute("analyze raw_events");
        });

        // An expression index's statistics are filed under the index's name.
        assertThat(histogramBounds("raw_events_email_domain", "lower")).isBetween(2, 11);
        assertThat(histogramBounds("raw_events", "email")).isBetween(2, 11);
    }

    private int histogramBounds(String table, String column) {
        List<Integer> bounds = jdbi.withHandle(h -> h.createQuery("""
                        select cardinality(histogram_bounds::text::text[]) from pg_stats
                        where tablename = :table and attname = :column""")
                .bind("table", table)
                .bind("column", column)
                .mapTo(Integer.class)
                .list());
        assertThat(bounds).as("statistics of %s.%s", table, column).hasSize(1);
        return bounds.get(0);
    }
}
