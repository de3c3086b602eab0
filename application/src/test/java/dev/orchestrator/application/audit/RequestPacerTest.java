package dev.orchestrator.application.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPacerTest {
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final List<Duration> sleeps = new ArrayList<>();
    private final RequestPacer pacer = new RequestPacer(5, clock, d -> {
        sleeps.add(d);
        clock.advance(d);
    });

    @Test
    void theFirstRequestGoesAtOnceAndEachNextOneIntervalLater() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            pacer.acquire();
        }

        assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200));
    }

    @Test
    void timeSpentElsewhereCountsTowardsTheInterval() throws InterruptedException {
        pacer.acquire();
        clock.advance(Duration.ofMillis(150));

        pacer.acquire();

        assertThat(sleeps).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void aCallerSlowerThanTheRateNeverWaits() throws InterruptedException {
        pacer.acquire();
        clock.advance(Duration.ofSeconds(1));
        pacer.acquire();

        assertThat(sleeps).isEmpty();
    }
}
