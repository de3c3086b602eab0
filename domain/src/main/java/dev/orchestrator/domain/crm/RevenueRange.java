package dev.orchestrator.domain.crm;

import dev.orchestrator.domain.shared.DomainViolation;
import dev.orchestrator.domain.shared.Require;
import java.util.Optional;

/** Annual revenue in US dollars, bucketed the way providers report it (they rarely know the exact figure). */
public enum RevenueRange {
    UNDER_1M("0-1m", 0L, 1_000_000L),
    FROM_1M_TO_10M("1m-10m", 1_000_000L, 10_000_000L),
    FROM_10M_TO_50M("10m-50m", 10_000_000L, 50_000_000L),
    FROM_50M_TO_100M("50m-100m", 50_000_000L, 100_000_000L),
    FROM_100M_TO_250M("100m-250m", 100_000_000L, 250_000_000L),
    FROM_250M_TO_1B("250m-1b", 250_000_000L, 1_000_000_000L),
    FROM_1B_TO_10B("1b-10b", 1_000_000_000L, 10_000_000_000L),
    OVER_10B("10b+", 10_000_000_000L, Long.MAX_VALUE);

    private final String key;
    private final long minUsd;
    private final long maxUsdExclusive;

    RevenueRange(String key, long minUsd, long maxUsdExclusive) {
        this.key = key;
        this.minUsd = minUsd;
        this.maxUsdExclusive = maxUsdExclusive;
    }

    public String key() {
        return key;
    }

    public long minUsd() {
        return minUsd;
    }

    public Optional<Long> maxUsdExclusive() {
        return maxUsdExclusive == Long.MAX_VALUE ? Optional.empty() : Optional.of(maxUsdExclusive);
    }

    public static RevenueRange ofAnnualUsd(long usd) {
        Require.that(usd >= 0, "revenue", "must not be negative");
        for (RevenueRange range : values()) {
            if (usd < range.maxUsdExclusive) {
                return range;
            }
        }
        return OVER_10B;
    }

    public static RevenueRange fromKey(String key) {
        for (RevenueRange range : values()) {
            if (range.key.equals(key)) {
                return range;
            }
        }
        throw new DomainViolation("revenueRange", "unknown revenue range '" + key + "'");
    }
}
