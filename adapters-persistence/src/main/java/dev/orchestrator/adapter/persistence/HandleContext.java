package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.Transactions;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Binds the transaction's handle to the thread, so every repository called inside
 * {@link #inTransaction(Supplier)} joins the same transaction; outside one, each call uses its own handle.
 */
final class HandleContext implements Transactions {
    /**
     * Starts a statement that commits without waiting for the disk, in its own round trip: reference {@code relaxed}
     * in the statement (a CTE that nothing reads is not run). For one statement outside a transaction, this does
     * what {@link #relaxed(Function)}'s {@code BEGIN; SET LOCAL …; …; COMMIT} does in three round trips; inside a
     * transaction it relaxes that whole transaction, so use it only for worker state a retry redoes.
     */
    static final String RELAXED_CTE =
            "with relaxed as materialized (select set_config('synchronous_commit', 'off', true) as relaxed) ";

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    HandleContext(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <T> T with(Function<Handle, T> work) {
        Handle handle = current.get();
        if (handle != null) {
            return work.apply(handle);
        }
        return jdbi.withHandle(work::apply);
    }

    void use(java.util.function.Consumer<Handle> work) {
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
        Handle handle = current.get();
        if (handle != null) {
            return work.apply(handle);
        }
        return jdbi.inTransaction(h -> {
            h.execute("set local synchronous_commit = off");
            return work.apply(h);
        });
    }

    void useRelaxed(java.util.function.Consumer<Handle> work) {
        relaxed(handle -> {
            work.accept(handle);
            return null;
        });
    }

    @Override
    public <T> T inRetryableTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return jdbi.inTransaction(handle -> {
            handle.execute("set local synchronous_commit = off");
            current.set(handle);
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }

    @Override
    public <T> T inSnapshot(Supplier<T> work) {
        if (current.get() != null) {
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
        if (current.get() != null) {
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
