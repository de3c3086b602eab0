package dev.orchestrator.adapter.classifier;

import java.time.Duration;

/**
 * Cost limits around a paid classifier: at most {@code callsPerDay} calls per UTC day, and answers kept for
 * {@code cacheFor} by input hash (at most {@code cacheEntries}), so a redelivered or repeated lead is not paid twice.
 */
public record ClassifierBudget(int callsPerDay, int cacheEntries, Duration cacheFor) {
    public static final ClassifierBudget DEFAULT = new ClassifierBudget(5_000, 10_000, Duration.ofDays(1));

    public ClassifierBudget {
        if (callsPerDay < 0) {
            throw new IllegalArgumentException("callsPerDay must not be negative");
        }
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("cacheEntries must not be negative");
        }
        if (cacheFor == null || cacheFor.isNegative()) {
            throw new IllegalArgumentException("cacheFor must be zero or positive");
        }
    }
}
