package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.RotationStore;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.RoundRobinState;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whose turn it is in each round-robin pool: an evaluation that routes reads the state and advances it in one
 * step, so two leads never get the same turn. Without a store the state lives in this instance only (tests,
 * dry runs); with one it is shared by every instance and survives restarts.
 *
 * <p>Most evaluations do not take a turn (the record keeps its owner, or goes to a queue). So an evaluation
 * runs first on the last state seen here; only when it moves a cursor does it run again, with the stored state,
 * under the store's lock: a stale snapshot never decides an owner.
 */
public final class RoutingRotation {
    private final Optional<RotationStore> store;
    private RoundRobinState state = RoundRobinState.start();

    public RoutingRotation() {
        this.store = Optional.empty();
    }

    public RoutingRotation(RotationStore store) {
        this.store = Optional.of(store);
        this.state = store.read();
    }

    public Evaluation evaluate(Function<RoundRobinState, Evaluation> evaluation) {
        return turn(evaluation, Evaluation::rotation);
    }

    /** Any decision that may take a turn ({@code next} reads the cursors after it), e.g. an SLA reassignment. */
    public <T> T turn(Function<RoundRobinState, T> decision, Function<T, RoundRobinState> next) {
        if (store.isEmpty()) {
            synchronized (this) {
                T result = decision.apply(state);
                state = next.apply(result);
                return result;
            }
        }
        RoundRobinState seen = snapshot();
        T tentative = decision.apply(seen);
        if (next.apply(tentative).equals(seen)) {
            return tentative;
        }
        T result = store.get().rotate(current -> {
            T decided = decision.apply(current);
            return new RotationStore.Turn<>(decided, next.apply(decided));
        });
        remember(next.apply(result));
        return result;
    }

    private synchronized RoundRobinState snapshot() {
        return state;
    }

    private synchronized void remember(RoundRobinState latest) {
        state = latest;
    }
}
