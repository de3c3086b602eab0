package dev.orchestrator.application.audit;

import dev.orchestrator.application.port.out.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests evenly at a rate: each may start no earlier than one interval after the previous one. Even
 * spacing (rather than bursts up to a window's limit) is what a backfill sharing a portal with live traffic wants.
 */
public final class RequestPacer {
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;
    private Instant next;

    public RequestPacer(double perSecond, Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = Duration.ofNanos(Math.round(1_000_000_000L / perSecond));
        this.next = Instant.MIN;
    }

    /** Waits until the next request may go. */
    public void acquire() throws InterruptedException {
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            sleeper.sleep(Duration.between(now, next));
            Instant woke = clock.instant();
            now = woke.isAfter(next) ? woke : next;
        }
        next = now.plus(interval);
    }
}
