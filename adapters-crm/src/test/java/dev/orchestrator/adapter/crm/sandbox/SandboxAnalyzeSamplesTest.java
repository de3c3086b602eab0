package dev.orchestrator.adapter.crm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.testing.MutableClock;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The sandbox CRM's contacts are analyzed from a small sample, their e-mail index's own statistics too. */
class SandboxAnalyzeSamplesTest {
    @Test
    void theContactsEmailIndexIsDescribedByTenHistogramBuckets() {
        DataSource dataSource = TestDatabase.fresh();
        SandboxCrmAdapter.create(dataSource, MutableClock.at("2026-01-05T10:15:30Z"));
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(h -> {
            h.execute("""
                    insert into sandbox_crm.contacts (email, firstname, lastname, createdate, lastmodifieddate)
                    select 'lead' || n || '@company' || n || '.example', 'Ada', 'Lovelace', now(), now()
                    from generate_series(1, 500) n""");
            h.execute("analyze sandbox_crm.contacts");
        });

        List<Integer> bounds = jdbi.withHandle(h -> h.createQuery("""
                        select cardinality(histogram_bounds::text::text[]) from pg_stats
                        where schemaname = 'sandbox_crm' and tablename = 'contacts_email'""")
                .mapTo(Integer.class)
                .list());

        assertThat(bounds).singleElement().satisfies(count -> assertThat(count).isBetween(2, 11));
    }
}
