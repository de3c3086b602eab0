package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Worker-state statements (claims, job marks) commit without waiting for the disk through a setting made inside the
 * statement; the pooled connection they ran on must come back as it was, or every later commit on it — an
 * acknowledged webhook's among them — would skip the disk too.
 */
class RelaxedCommitTest {
    private final Jdbi jdbi = Jdbi.create(TestDatabase.fresh());

    @Test
    void a_relaxed_statement_runs_with_synchronous_commit_off() {
        String inside = jdbi.withHandle(handle -> {
            durable(handle);
            return handle.createQuery(HandleContext.RELAXED_CTE
                    + "select current_setting('synchronous_commit') from relaxed").mapTo(String.class).one();
        });

        assertThat(inside).isEqualTo("off");
    }

    @Test
    void the_next_statement_on_the_same_connection_commits_durably_again() {
        String after = jdbi.withHandle(handle -> {
            durable(handle);
            handle.createQuery(HandleContext.RELAXED_CTE + "select 1 from relaxed").mapTo(Integer.class).one();
            return handle.createQuery("select current_setting('synchronous_commit')").mapTo(String.class).one();
        });

        assertThat(after).isEqualTo("on");
    }

    /** The test server skips the disk by default (zonky's defaults); the product's embedded server does not. */
    private static void durable(org.jdbi.v3.core.Handle handle) {
        handle.execute("set synchronous_commit = on");
    }
}
