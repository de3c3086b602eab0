package dev.orchestrator.adapter.crm.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The client-side budget for one portal: the ten-secondly window for ordinary calls and a window of its own for
 * search (HubSpot exempts search from the ten-secondly limit and limits it separately). Live callers go first:
 * a backfill request waits while any live request is waiting, and may not use the live reserve of a window.
 * Time comes from the injected clock and sleeper, so a test can run a 429 storm without waiting.
 */
final class RateLimiter {
    enum Budget { BURST, SEARCH }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<Budget, RollingWindow> windows = new EnumMap<>(Budget.class);
    private final Duration backfillPoll;
    private int liveWaiting;

    RateLimiter(HubSpotRateLimits limits, Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
        windows.put(Budget.BURST, new RollingWindow(limits.burstRequests(), limits.burstInterval(),
                limits.reserveOf(limits.burstRequests())));
        windows.put(Budget.SEARCH, new RollingWindow(limits.searchRequests(), limits.searchInterval(),
                limits.reserveOf(limits.searchRequests())));
        // one request's share of the burst window: how often a yielding backfill looks again
        this.backfillPoll = limits.burstInterval().dividedBy(limits.burstRequests());
    }

    /** Blocks (through the sleeper) until one request of this lane may be sent, and counts it. */
    void acquire(Budget budget, Lane lane) throws InterruptedException {
        boolean countedAsWaiting = false;
        try {
            while (true) {
                Duration wait;
                synchronized (this) {
                    Instant now = clock.instant();
                    if (lane == Lane.BACKFILL && liveWaiting > 0) {
                        wait = backfillPoll;
                    } else {
                        wait = windows.get(budget).waitFor(lane, now);
                        if (wait.isZero() || wait.isNegative()) {
                            windows.get(budget).record(now);
                            return;
                        }
                    }
                    if (lane == Lane.LIVE && !countedAsWaiting) {
                        liveWaiting++;
                        countedAsWaiting = true;
                    }
                }
                sleeper.sleep(wait);
            }
        } finally {
            if (countedAsWaiting) {
                synchronized (this) {
                    liveWaiting--;
                }
            }
        }
    }

    synchronized void pause(Budget budget, Duration retryAfter) {
        windows.get(budget).pauseUntil(clock.instant().plus(retryAfter));
    }

    synchronized void observe(Budget budget, int remaining, int serverMax) {
        windows.get(budget).observe(clock.instant(), remaining, serverMax);
    }

    synchronized int used(Budget budget) {
        return windows.get(budget).used(clock.instant());
    }
}
