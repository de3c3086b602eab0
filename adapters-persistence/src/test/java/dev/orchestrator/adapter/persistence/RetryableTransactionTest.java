package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retryable transaction (a lead's final writes) sends its writes to PostgreSQL together, in one statement list:
 * they commit or fail together, each keeps its own parameters, and anything that needs the database in between
 * sees the writes made before it.
 */
class RetryableTransactionTest {
    private static final String NOTE = "insert into notes (id, body) values (:id, :body)";

    private final List<String> statements = new ArrayList<>();
    private Jdbi jdbi;
    private HandleContext db;

    @BeforeEach
    void setUp() {
        DataSource source = TestDatabase.fresh();
        jdbi = Jdbi.create(source);
        jdbi.useHandle(handle -> handle.execute("""
                create table notes (id int primary key, body text not null check (body <> 'refused'),
                    commit_mode text default current_setting('synchronous_commit'),
                    plan_mode text default current_setting('plan_cache_mode'))"""));
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
        db = new HandleContext(jdbi);
    }

    @Test
    void the_writes_of_a_retryable_transaction_go_to_the_database_as_one_statement() {
        db.inRetryableTransaction(() -> {
            note(1, "first");
            note(2, "second");
            note(3, "third");
            return null;
        });

        assertThat(statements).hasSize(1);
        assertThat(bodies()).containsExactly("first", "second", "third");
    }

    @Test
    void nothing_is_visible_to_others_until_the_work_ends() {
        List<String> seenInside = db.inRetryableTransaction(() -> {
            note(1, "first");
            return CompletableFuture.supplyAsync(this::bodies).join();
        });

        assertThat(seenInside).isEmpty();
        assertThat(bodies()).containsExactly("first");
    }

    @Test
    void a_write_that_fails_leaves_none_of_the_transactions_writes() {
        assertThatThrownBy(() -> db.inRetryableTransaction(() -> {
            note(1, "first");
            note(2, "refused");
            return null;
        })).hasMessageContaining("notes_body_check");

        assertThat(bodies()).isEmpty();
    }

    @Test
    void work_that_throws_sends_nothing() {
        assertThatThrownBy(() -> db.inRetryableTransaction(() -> {
            note(1, "first");
            throw new IllegalStateException("the lead could not be decided");
        })).hasMessage("the lead could not be decided");

        assertThat(statements).isEmpty();
        assertThat(bodies()).isEmpty();
    }

    @Test
    void a_read_in_between_sees_the_writes_before_it_and_the_later_writes_join_the_same_transaction() {
        List<String> seen = db.inRetryableTransaction(() -> {
            note(1, "first");
            List<String> inside = db.with(handle -> handle.createQuery("select body from notes order by id")
                    .mapTo(String.class).list());
            note(2, "second");
            return inside;
        });

        assertThat(seen).containsExactly("first");
        assertThat(bodies()).containsExactly("first", "second");
    }

    @Test
    void a_failure_after_a_read_in_between_rolls_back_the_writes_sent_before_it() {
        assertThatThrownBy(() -> db.inRetryableTransaction(() -> {
            note(1, "first");
            db.with(handle -> handle.createQuery("select count(*) from notes").mapTo(Integer.class).one());
            note(2, "refused");
            return null;
        })).hasMessageContaining("notes_body_check");

        assertThat(bodies()).isEmpty();
    }

    @Test
    void writes_naming_the_same_parameters_keep_their_own_values() {
        db.inRetryableTransaction(() -> {
            db.write("insert into notes (id, body) values (:id, :body || '-' || :id::text)",
                    update -> update.bind("id", 1).bind("body", "one"));
            note(2, "two");
            return null;
        });

        assertThat(bodies()).containsExactly("one-1", "two");
    }

    @Test
    void the_transaction_commits_without_waiting_for_the_disk_whether_sent_at_once_or_opened_by_a_read() {
        jdbi.useHandle(handle -> handle.execute("""
                do $$ begin execute format('alter database %I set synchronous_commit = on', current_database()); end $$
                """));
        db.inRetryableTransaction(() -> {
            note(1, "sent at the end");
            return null;
        });
        db.inRetryableTransaction(() -> {
            db.with(handle -> handle.createQuery("select 1").mapTo(Integer.class).one());
            note(2, "sent after a read");
            return null;
        });

        List<String> modes = jdbi.withHandle(handle -> handle.createQuery("select commit_mode from notes order by id")
                .mapTo(String.class).list());
        String afterwards = jdbi.withHandle(handle -> handle.createQuery("select current_setting('synchronous_commit')")
                .mapTo(String.class).one());

        assertThat(modes).containsExactly("off", "off");
        assertThat(afterwards).isEqualTo("on");
    }

    @Test
    void writes_sent_as_their_whole_transaction_run_on_kept_plans_and_the_connection_plans_as_usual_afterwards() {
        db.inRetryableTransaction(() -> {
            note(1, "sent at the end");
            return null;
        });

        String afterwards = db.with(handle -> handle.createQuery("select current_setting('plan_cache_mode')")
                .mapTo(String.class).one());

        assertThat(planModes()).containsExactly("force_generic_plan");
        assertThat(afterwards).isEqualTo("auto");
    }

    @Test
    void writes_sent_early_because_a_read_came_between_are_planned_as_usual() {
        db.inRetryableTransaction(() -> {
            note(1, "sent before the read");
            db.with(handle -> handle.createQuery("select 1").mapTo(Integer.class).one());
            note(2, "sent after the read");
            return null;
        });

        assertThat(planModes()).containsExactly("auto", "auto");
    }

    @Test
    void outside_a_retryable_transaction_a_write_runs_at_once() {
        note(1, "alone");

        assertThat(bodies()).containsExactly("alone");
    }

    @Test
    void renaming_parameters_leaves_casts_and_slices_alone() {
        assertThat(HandleContext.renamed("select :ids::uuid[], ev.keys[e.first : e.last], ':x'", "w1_"))
                .isEqualTo("select :w1_ids::uuid[], ev.keys[e.first : e.last], ':x'");
    }

    private void note(int id, String body) {
        db.write(NOTE, update -> update.bind("id", id).bind("body", body));
    }

    private List<String> planModes() {
        return jdbi.withHandle(handle -> handle.createQuery("select plan_mode from notes order by id")
                .mapTo(String.class).list());
    }

    private List<String> bodies() {
        return jdbi.withHandle(handle -> handle.createQuery("select body from notes order by id")
                .mapTo(String.class).list());
    }
}
