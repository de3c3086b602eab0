package dev.orchestrator.web.edge;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, holding at most one second's worth, so a sender may burst
 * up to its rate and no further. Time comes in as nanoseconds, so a test can hold the clock still.
 */
final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double ratePerSecond;
    private final double capacity;
    private double tokens;
    private long lastRefill;

    TokenBucket(double ratePerSecond, long nowNanos) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("a rate limit must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1.0, ratePerSecond);
        this.tokens = capacity;
        this.lastRefill = nowNanos;
    }

    /** Takes a token and answers 0, or answers how many nanoseconds until the next token. */
    synchronized long tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastRefill);
        tokens = Math.min(capacity, tokens + elapsed * ratePerSecond / NANOS_PER_SECOND);
        lastRefill = nowNanos;
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return 0;
        }
        return (long) Math.ceil((1.0 - tokens) * NANOS_PER_SECOND / ratePerSecond);
    }
}
