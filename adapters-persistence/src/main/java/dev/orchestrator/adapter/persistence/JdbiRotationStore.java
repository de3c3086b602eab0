package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.RotationStore;
import dev.orchestrator.domain.rules.RoundRobinState;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Round-robin cursors in {@code routing_rotation}. A turn runs in its own short transaction holding a
 * transaction-scoped advisory lock ({@code pg_advisory_xact_lock}), so turns on every instance are serialised
 * (a new pool's first row included, which a row lock could not cover) and the lock goes with the commit or the
 * rollback, even when the instance dies.
 */
final class JdbiRotationStore implements RotationStore {
    private static final long LOCK = PostgresSingletonLock.key("routing-rotation");
    private final Jdbi jdbi;
    private final Clock clock;

    JdbiRotationStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public RoundRobinState read() {
        return jdbi.withHandle(JdbiRotationStore::cursors);
    }

    @Override
    public <T> T rotate(Function<RoundRobinState, Turn<T>> turn) {
        return jdbi.inTransaction(handle -> {
            handle.createQuery("select pg_advisory_xact_lock(:key)::text").bind("key", LOCK).mapTo(String.class).one();
            RoundRobinState current = cursors(handle);
            Turn<T> taken = turn.apply(current);
            Timestamp now = Timestamp.from(clock.instant());
            for (Map.Entry<String, Integer> cursor : taken.next().cursors().entrySet()) {
                if (!cursor.getValue().equals(current.cursors().get(cursor.getKey()))) {
                    handle.createUpdate("""
                                    insert into routing_rotation (pool, cursor, updated_at) values (:pool, :cursor, :at)
                                    on conflict (pool) do update set cursor = excluded.cursor,
                                        updated_at = excluded.updated_at""")
                            .bind("pool", cursor.getKey())
                            .bind("cursor", cursor.getValue())
                            .bind("at", now)
                            .execute();
                }
            }
            return taken.result();
        });
    }

    private static RoundRobinState cursors(Handle handle) {
        Map<String, Integer> cursors = new LinkedHashMap<>();
        handle.createQuery("select pool, cursor from routing_rotation order by pool")
                .map((rs, ctx) -> Map.entry(rs.getString("pool"), rs.getInt("cursor")))
                .forEach(entry -> cursors.put(entry.getKey(), entry.getValue()));
        return new RoundRobinState(cursors);
    }
}
