package dev.orchestrator.application.port.out;

import java.util.Optional;
import java.util.function.Supplier;

/** Runs work on one instance only, however many share the database (a PostgreSQL advisory lock). */
public interface SingletonLock {
    /** Runs {@code work} while holding the named lock; empty, without running it, when another holder has it. */
    <T> Optional<T> ifFree(String lockName, Supplier<T> work);
}
