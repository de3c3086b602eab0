package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.service.RoutingRotation;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.rules.RoundRobinState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The round-robin kept in PostgreSQL: restarts and second instances continue the turn order. */
class RotationStoreTest {
    private static final String POOL = "aes";
    private final MutableClock clock = MutableClock.at("2026-11-20T10:00:00Z");
    private DataSource dataSource;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabase.fresh();
    }

    /** A turn over a pool of {@code size} owners: the owner at the cursor, and the cursor moved past them. */
    private record Pick(int owner, RoundRobinState next) {
    }

    private static Pick take(RoundRobinState state, int size) {
        int owner = state.cursor(POOL) % size;
        return new Pick(owner, state.advance(POOL, (owner + 1) % size));
    }

    private RoutingRotation instance() {
        return new RoutingRotation(PersistenceAdapter.create(dataSource, clock, new SequentialIds()).rotationStore());
    }

    private static int turn(RoutingRotation rotation, int size) {
        return rotation.turn(state -> take(state, size), Pick::next).owner();
    }

    @Test
    void aRestartContinuesTheRotationWhereItStopped() {
        RoutingRotation before = instance();
        assertThat(List.of(turn(before, 3), turn(before, 3))).containsExactly(0, 1);

        RoutingRotation afterRestart = instance();

        assertThat(turn(afterRestart, 3)).isEqualTo(2);
        assertThat(turn(afterRestart, 3)).isZero();
    }

    @Test
    void twoInstancesShareOneTurnOrder() {
        RoutingRotation first = instance();
        RoutingRotation second = instance();

        List<Integer> owners = List.of(turn(first, 4), turn(second, 4), turn(first, 4), turn(second, 4));

        assertThat(owners).containsExactly(0, 1, 2, 3);
    }

    @Test
    void concurrentTurnsOnTwoInstancesNeverGiveTheSameTurnTwice() throws Exception {
        List<RoutingRotation> instances = List.of(instance(), instance());
        int size = 1_000;
        List<Callable<List<Integer>>> workers = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            RoutingRotation rotation = instances.get(thread % 2);
            workers.add(() -> IntStream.range(0, 25).mapToObj(i -> turn(rotation, size)).toList());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
        try {
            for (Future<List<Integer>> result : pool.invokeAll(workers)) {
                taken.addAll(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(taken).hasSize(200).doesNotHaveDuplicates();
        assertThat(taken).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 200).boxed().toList());
        assertThat(PersistenceAdapter.create(dataSource, clock, new SequentialIds()).rotationStore().read()
                .cursor(POOL)).isEqualTo(200);
    }

    @Test
    void anEvaluationThatTakesNoTurnLeavesTheStoredCursorsAlone() {
        RoutingRotation rotation = instance();
        turn(rotation, 3);

        String kept = rotation.turn(state -> "queue", result -> RoundRobinState.start().advance(POOL, 1));

        assertThat(kept).isEqualTo("queue");
        assertThat(turn(instance(), 3)).isEqualTo(1);
    }
}
