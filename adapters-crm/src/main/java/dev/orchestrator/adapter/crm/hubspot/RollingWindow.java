package dev.orchestrator.adapter.crm.hubspot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * A rolling-window request log: at most {@code capacity} requests in any interval of {@code interval}. HubSpot
 * counts its ten-secondly limit over a rolling window (policy {@code TEN_SECONDLY_ROLLING}); a token bucket of the
 * same size would let twice the capacity through across a window boundary and earn 429s. Not thread-safe: the
 * {@link RateLimiter} guards it.
 */
final class RollingWindow {
    private final int configuredCapacity;
    private final int reserve;
    private final Duration interval;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private int capacity;
    private Instant pausedUntil = Instant.MIN;

    RollingWindow(int capacity, Duration interval, int reserve) {
        this.configuredCapacity = capacity;
        this.capacity = capacity;
        this.interval = interval;
        this.reserve = reserve;
    }

    /** Zero when a request of this lane may go now, else how long until one may. */
    Duration waitFor(Lane lane, Instant now) {
        expire(now);
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        int limit = lane == Lane.LIVE ? capacity : Math.max(1, capacity - reserve);
        if (sent.size() < limit) {
            return Duration.ZERO;
        }
        // the request that must leave the window before this lane fits again
        int mustExpire = sent.size() - limit;
        Iterator<Instant> oldest = sent.iterator();
        Instant stamp = oldest.next();
        for (int i = 0; i < mustExpire; i++) {
            stamp = oldest.next();
        }
        return Duration.between(now, stamp.plus(interval));
    }

    void record(Instant now) {
        sent.addLast(now);
    }

    /** Nothing goes until {@code until}: HubSpot said so with a 429 and {@code Retry-After}. */
    void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /**
     * HubSpot's own count wins when it is higher than ours: other apps of the portal share the budget, so the
     * headers can say we have fewer requests left than our log thinks.
     */
    void observe(Instant now, int remaining, int serverMax) {
        if (serverMax > 0) {
            capacity = Math.min(configuredCapacity, serverMax);
        }
        expire(now);
        int usedByServer = (serverMax > 0 ? serverMax : capacity) - Math.max(0, remaining);
        for (int i = sent.size(); i < Math.min(usedByServer, capacity); i++) {
            sent.addLast(now);
        }
    }

    int used(Instant now) {
        expire(now);
        return sent.size();
    }

    int capacity() {
        return capacity;
    }

    private void expire(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().plus(interval).isAfter(now)) {
            sent.removeFirst();
        }
    }
}
