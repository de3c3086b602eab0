package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    private final TimeOrderedIds ids = new TimeOrderedIds();

    @Test
    void anIdIsAVersionSevenUuidOfTheStandardVariant() {
        UUID id = ids.newId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void anIdCarriesTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        UUID id = ids.newId();
        long after = System.currentTimeMillis();

        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    /** PostgreSQL orders uuids by their bytes, as their text sorts: later ids land at an index's right edge. */
    @Test
    void eachIdSortsAfterTheOneMadeBeforeItEvenWithinOneMillisecond() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.newId().toString());
        }

        for (int i = 1; i < made.size(); i++) {
            assertThat(made.get(i)).isGreaterThan(made.get(i - 1));
        }
        assertThat(new HashSet<>(made)).hasSize(made.size());
    }

    /** The pipeline's workers share one generator. */
    @Test
    void workersMakingIdsAtOnceNeverMakeTheSameOne() throws Exception {
        Set<UUID> made = ConcurrentHashMap.newKeySet();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                running.add(workers.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        made.add(ids.newId());
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }

        assertThat(made).hasSize(20_000);
    }
}
