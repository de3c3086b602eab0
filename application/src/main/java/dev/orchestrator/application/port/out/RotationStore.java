package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.rules.RoundRobinState;
import java.util.function.Function;

/**
 * Whose turn it is in each round-robin pool, stored where every instance and every restart sees it
 * (PostgreSQL), so a restart or a second instance continues the rotation instead of starting over.
 */
public interface RotationStore {
    /** The cursors as last stored: a snapshot, possibly stale by the time it is used. */
    RoundRobinState read();

    /**
     * Runs {@code turn} with the current cursors while no other turn (on any instance) runs, and stores the
     * cursors it returns before the next turn may read them.
     */
    <T> T rotate(Function<RoundRobinState, Turn<T>> turn);

    /** What a turn decided and the cursors after it. */
    record Turn<T>(T result, RoundRobinState next) {
    }
}
