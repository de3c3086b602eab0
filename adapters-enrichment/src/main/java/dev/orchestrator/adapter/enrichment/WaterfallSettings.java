package dev.orchestrator.adapter.enrichment;

import java.time.Duration;
import java.util.Objects;

/**
 * The waterfall's bounds: how long a lead may wait for enrichment ({@code deadline}), how long a found company
 * and a "nobody knows it" answer are remembered, and how many domains the in-memory cache holds.
 */
public record WaterfallSettings(Duration deadline, Duration positiveTtl, Duration negativeTtl, long memoryEntries) {
    public WaterfallSettings {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(positiveTtl, "positiveTtl");
        Objects.requireNonNull(negativeTtl, "negativeTtl");
        if (deadline.isNegative() || deadline.isZero() || positiveTtl.isNegative() || positiveTtl.isZero()
                || negativeTtl.isNegative() || negativeTtl.isZero()) {
            throw new IllegalArgumentException("deadline and TTLs must be positive");
        }
        if (negativeTtl.compareTo(positiveTtl) > 0) {
            throw new IllegalArgumentException("negative results must not be kept longer than positive ones");
        }
        if (memoryEntries < 1) {
            throw new IllegalArgumentException("memory cache must hold at least one entry");
        }
    }

    /** 3 s for the step; companies for 30 days, unknown domains for 1 day; 50,000 domains in memory. */
    public static WaterfallSettings defaults() {
        return new WaterfallSettings(Duration.ofSeconds(3), Duration.ofDays(30), Duration.ofDays(1), 50_000);
    }
}
