package dev.orchestrator.application.service;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed job again: exponential backoff with full jitter (a random wait between zero and the
 * exponential ceiling, so retries after an outage do not arrive in lockstep), never sooner than a
 * {@code Retry-After} the other side asked for.
 */
public final class ErrorPolicy {
    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier jitter;

    public ErrorPolicy(Duration base, Duration cap, DoubleSupplier jitter) {
        this.base = base;
        this.cap = cap;
        this.jitter = jitter;
    }

    public Duration backoff(int attempt, Optional<Duration> retryAfter) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << Math.min(attempt, 20)));
        Duration wait = Duration.ofMillis((long) (ceiling * jitter.getAsDouble()));
        return retryAfter.filter(asked -> asked.compareTo(wait) > 0).orElse(wait);
    }
}
