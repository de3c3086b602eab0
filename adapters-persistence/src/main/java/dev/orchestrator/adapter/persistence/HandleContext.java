package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Binding;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Binds the transaction's handle to the thread, so every repository called inside
 * {@link #inTransaction(Supplier)} joins the same transaction; outside one, each call uses its own handle.
 *
 * <p>A retryable transaction sends its writes together: each {@link #write} made inside it waits, and when the
 * work ends they go to PostgreSQL as one statement list in one round trip, which runs as one implicit transaction
 * (the extended protocol commits at its single Sync, or rolls everything back on the first error). A lead's final
 * writes (contact, identity, signal, audit trail, event status) took seven round trips and now take one
 * (BENCHMARKS.md §2j). Anything else called inside (a read, a write not made through {@link #write}) first opens an
 * ordinary transaction and sends the waiting writes in it, so every statement still sees the ones before it.
 */
final class HandleContext implements Transactions {
    /**
     * Starts a statement that commits without waiting for the disk, in its own round trip: reference {@code relaxed}
     * in the statement (a CTE that nothing reads is not run). For one statement outside a transaction, this does
     * what {@link #relaxed(Function)}'s {@code BEGIN; SET LOCAL …; …; COMMIT} does in three round trips; inside a
     * transaction it relaxes that whole transaction, so use it only for worker state a retry redoes.
     */
    private static final String RELAX = "select set_config('synchronous_commit', 'off', true)";
    static final String RELAXED_CTE = "with relaxed as materialized (" + RELAX + " as relaxed) ";
    /**
     * A statement list's writes are planned once and the plan kept: each binds arrays whose lengths vary from call
     * to call, so PostgreSQL's choice between a fresh plan and the kept one fell on a fresh plan for most calls of
     * the identity write and the events' status update (0.3 ms of planning a lead, BENCHMARKS.md §2n), though every
     * plan it made was the same. Only for a list that is its whole transaction, so the setting ends with it and no
     * read of a longer transaction is planned under it.
     */
    private static final String WHOLE_LIST_SETTINGS = "select set_config('synchronous_commit', 'off', true),"
            + " set_config('plan_cache_mode', 'force_generic_plan', true)";
    /**
     * A named parameter as Jdbi's parser reads one (a colon not part of a {@code ::} cast, then a name), or a
     * quoted literal, which is left as it is.
     */
    private static final Pattern PARAMETER = Pattern.compile("('(?:[^']|'')*')|(?<!:):([A-Za-z_][A-Za-z0-9_.?]*)");

    private static final int MAX_STATEMENT_LISTS = 256;
    private static final Map<List<String>, String> STATEMENT_LISTS = new ConcurrentHashMap<>();
    private static final Map<List<String>, String> WHOLE_STATEMENT_LISTS = new ConcurrentHashMap<>();

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private final ThreadLocal<Pipeline> pipeline = new ThreadLocal<>();

    HandleContext(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <T> T with(Function<Handle, T> work) {
        Handle handle = joined();
        if (handle != null) {
            return work.apply(handle);
        }
        return jdbi.withHandle(work::apply);
    }

    void use(Consumer<Handle> work) {
        with(handle -> {
            work.accept(handle);
            return null;
        });
    }

    /**
     * Runs one worker-side statement group with {@code synchronous_commit = off}: the commit returns before the
     * WAL reaches the disk. Safe only where a lost commit is redone by the job's retry.
     */
    <T> T relaxed(Function<Handle, T> work) {
        Handle handle = joined();
        if (handle != null) {
            return work.apply(handle);
        }
        return jdbi.inTransaction(h -> {
            h.execute("set local synchronous_commit = off");
            return work.apply(h);
        });
    }

    void useRelaxed(Consumer<Handle> work) {
        relaxed(handle -> {
            work.accept(handle);
            return null;
        });
    }

    /**
     * A write whose outcome nobody reads (no rows returned, no count checked). Inside a retryable transaction it
     * waits to go with the transaction's other writes; elsewhere it runs at once, as {@link #use} would run it.
     * {@code binds} binds the statement's named parameters.
     */
    void write(String sql, UnaryOperator<Update> binds) {
        write(sql, binds, this::use);
    }

    /** {@link #write}, which outside a transaction commits without waiting for the disk (see {@link #relaxed}). */
    void writeRelaxed(String sql, UnaryOperator<Update> binds) {
        write(sql, binds, this::useRelaxed);
    }

    private void write(String sql, UnaryOperator<Update> binds, Consumer<Consumer<Handle>> atOnce) {
        Pipeline waiting = pipeline.get();
        if (waiting != null && !waiting.opened()) {
            waiting.add(sql, binds);
            return;
        }
        atOnce.accept(handle -> binds.apply(handle.createUpdate(sql)).execute());
    }

    /** The handle of the transaction this thread is in, opening a retryable transaction's if it waited so far. */
    private Handle joined() {
        Handle handle = current.get();
        if (handle == null && pipeline.get() != null) {
            handle = pipeline.get().open();
            current.set(handle);
        }
        return handle;
    }

    @Override
    public <T> T inRetryableTransaction(Supplier<T> work) {
        if (current.get() != null || pipeline.get() != null) {
            return work.get();
        }
        try (Handle handle = jdbi.open()) {
            Pipeline writes = new Pipeline(handle);
            pipeline.set(writes);
            try {
                T result = work.get();
                writes.commit();
                return result;
            } catch (RuntimeException | Error e) {
                writes.rollback(e);
                throw e;
            } finally {
                pipeline.remove();
                current.remove();
            }
        }
    }

    /**
     * A retryable transaction's writes, waiting. Until something needs the database at once, nothing is sent and
     * no transaction is open; {@link #open} begins one and sends what waited.
     */
    private static final class Pipeline {
        private final Handle handle;
        private final List<Waiting> waiting = new ArrayList<>();
        private boolean open;

        Pipeline(Handle handle) {
            this.handle = handle;
        }

        void add(String sql, UnaryOperator<Update> binds) {
            waiting.add(new Waiting(sql, binds));
        }

        boolean opened() {
            return open;
        }

        Handle open() {
            if (!open) {
                handle.begin();
                open = true;
                send(false);
            }
            return handle;
        }

        /** Once open, writes run as they come and the transaction commits; before, what waited goes at once. */
        void commit() {
            if (open) {
                handle.commit();
            } else if (!waiting.isEmpty()) {
                send(true);
            }
        }

        void rollback(Throwable cause) {
            if (open) {
                try {
                    handle.rollback();
                } catch (RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
        }

        /**
         * The waiting writes as one statement list, each write's parameters renamed apart ({@code w1_id},
         * {@code w2_id}), after the setting that lets this transaction commit without waiting for the disk (and,
         * when the list is the whole transaction, {@code whole}, the one that keeps their plans).
         */
        private void send(boolean whole) {
            Update list = handle.createUpdate(statementList(waiting.stream().map(Waiting::sql).toList(), whole));
            for (int i = 0; i < waiting.size(); i++) {
                Waiting write = waiting.get(i);
                Update alone = write.binds().apply(handle.createUpdate(write.sql()));
                Binding binding = alone.getContext().getBinding();
                for (String name : binding.getNames()) {
                    list.bind(prefix(i) + name, binding.findForName(name, alone.getContext()).orElseThrow());
                }
                alone.close();
            }
            waiting.clear();
            list.execute();
        }
    }

    /**
     * The statement list for these writes, made once per combination and kept: the same few combinations recur
     * for every lead, and the same string each time lets Jdbi find its parse of it at once.
     */
    private static String statementList(List<String> statements, boolean whole) {
        Map<List<String>, String> lists = whole ? WHOLE_STATEMENT_LISTS : STATEMENT_LISTS;
        String known = lists.get(statements);
        if (known != null) {
            return known;
        }
        StringBuilder sql = new StringBuilder(whole ? WHOLE_LIST_SETTINGS : RELAX);
        for (int i = 0; i < statements.size(); i++) {
            sql.append(";\n").append(renamed(statements.get(i), prefix(i)));
        }
        String list = sql.toString();
        if (lists.size() < MAX_STATEMENT_LISTS) {
            lists.putIfAbsent(List.copyOf(statements), list);
        }
        return list;
    }

    private static String prefix(int index) {
        return "w" + (index + 1) + "_";
    }

    private record Waiting(String sql, UnaryOperator<Update> binds) {
    }

    /** {@code sql} with each named parameter's name prefixed, so several statements can share one list. */
    static String renamed(String sql, String prefix) {
        Matcher m = PARAMETER.matcher(sql);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) != null ? r.group(1) : ":" + prefix + r.group(2)));
    }

    @Override
    public <T> T inSnapshot(Supplier<T> work) {
        if (joined() != null) {
            return work.get();
        }
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            handle.execute("set transaction read only");
            current.set(handle);
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (joined() != null) {
            return work.get();
        }
        return jdbi.inTransaction(handle -> {
            current.set(handle);
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }
}
