package dev.orchestrator.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: every port call inside commits or rolls back together. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * A transaction whose commit does not wait for the disk: a crash may lose it, and that is safe only where
     * the job that made it is retried and redoes it (worker state, never an acknowledged webhook).
     */
    <T> T inRetryableTransaction(Supplier<T> work);

    /**
     * A read-only transaction in which every read sees the same committed state: a record and its timeline read
     * inside it agree, even while a worker commits a decision between the two reads.
     */
    <T> T inSnapshot(Supplier<T> work);
}
