package dev.orchestrator.adapter.crm.hubspot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Sleeps by moving the test clock, and remembers every wait it was asked for. */
final class RecordingSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
