package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.RotationStore;
import dev.orchestrator.domain.rules.RoundRobinState;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RoutingRotationTest {

    /** A store another instance also writes to: {@link #elsewhere} moves its cursors behind our back. */
    private static final class SharedStore implements RotationStore {
        private RoundRobinState stored = RoundRobinState.start();
        private int rotations;

        void elsewhere(RoundRobinState state) {
            stored = state;
        }

        @Override
        public RoundRobinState read() {
            return stored;
        }

        @Override
        public <T> T rotate(Function<RoundRobinState, Turn<T>> turn) {
            rotations++;
            Turn<T> taken = turn.apply(stored);
            stored = taken.next();
            return taken.result();
        }
    }

    private record Pick(int owner, RoundRobinState next) {
    }

    private static Pick take(RoundRobinState state) {
        int owner = state.cursor("aes") % 3;
        return new Pick(owner, state.advance("aes", (owner + 1) % 3));
    }

    @Test
    void a_turn_is_decided_on_the_stored_cursors_not_on_a_stale_snapshot() {
        SharedStore store = new SharedStore();
        RoutingRotation rotation = new RoutingRotation(store);
        store.elsewhere(new RoundRobinState(Map.of("aes", 2)));

        int owner = rotation.turn(RoutingRotationTest::take, Pick::next).owner();

        assertThat(owner).isEqualTo(2);
        assertThat(store.read().cursor("aes")).isZero();
    }

    @Test
    void an_evaluation_that_takes_no_turn_does_not_touch_the_store() {
        SharedStore store = new SharedStore();
        RoutingRotation rotation = new RoutingRotation(store);

        String result = rotation.turn(state -> "queue:nurture", ignored -> RoundRobinState.start());

        assertThat(result).isEqualTo("queue:nurture");
        assertThat(store.rotations).isZero();
    }

    @Test
    void without_a_store_the_rotation_lives_in_this_instance() {
        RoutingRotation rotation = new RoutingRotation();

        assertThat(rotation.turn(RoutingRotationTest::take, Pick::next).owner()).isZero();
        assertThat(rotation.turn(RoutingRotationTest::take, Pick::next).owner()).isEqualTo(1);
    }
}
