package dev.orchestrator.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: every port call inside commits or rolls back together. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
