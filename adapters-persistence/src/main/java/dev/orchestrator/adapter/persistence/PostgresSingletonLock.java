package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.SingletonLock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * A session-level advisory lock ({@code pg_try_advisory_lock}) held on one pooled connection for the duration of
 * the work, so the work itself may run as many short transactions as it likes. If the instance dies, PostgreSQL
 * ends the session and the lock goes with it: no stale lock to clean up. Advisory locks are re-entrant within
 * one session, and Jdbi hands a nested call on the same thread the same handle: two instances are two processes
 * (two sessions), so the exclusion holds where it matters.
 */
final class PostgresSingletonLock implements SingletonLock {
    private final Jdbi jdbi;

    PostgresSingletonLock(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> Optional<T> ifFree(String lockName, Supplier<T> work) {
        long key = key(lockName);
        return jdbi.withHandle(handle -> {
            boolean acquired = handle.createQuery("select pg_try_advisory_lock(:key)").bind("key", key)
                    .mapTo(Boolean.class).one();
            if (!acquired) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                handle.createQuery("select pg_advisory_unlock(:key)").bind("key", key).mapTo(Boolean.class).one();
            }
        });
    }

    /** A stable 64-bit key per name: the same on every instance and every start. */
    static long key(String lockName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("crm-orchestrator:" + lockName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
