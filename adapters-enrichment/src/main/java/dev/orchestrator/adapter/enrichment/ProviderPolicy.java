package dev.orchestrator.adapter.enrichment;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How one provider is used: its timeout in the waterfall, a kill switch, an optional daily call budget, and how
 * long to leave it alone after it refused our key (it is then probed again, so a fixed key recovers).
 */
public record ProviderPolicy(Duration timeout, boolean enabled, OptionalLong dailyBudget,
        Duration unauthorizedBackoff) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_UNAUTHORIZED_BACKOFF = Duration.ofMinutes(5);

    public ProviderPolicy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(dailyBudget, "dailyBudget");
        Objects.requireNonNull(unauthorizedBackoff, "unauthorizedBackoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("provider timeout must be positive");
        }
        dailyBudget.ifPresent(budget -> {
            if (budget < 0) {
                throw new IllegalArgumentException("daily budget must not be negative");
            }
        });
    }

    public static ProviderPolicy withTimeout(Duration timeout) {
        return new ProviderPolicy(timeout, true, OptionalLong.empty(), DEFAULT_UNAUTHORIZED_BACKOFF);
    }

    public static ProviderPolicy defaults() {
        return withTimeout(DEFAULT_TIMEOUT);
    }

    public ProviderPolicy withDailyBudget(long calls) {
        return new ProviderPolicy(timeout, enabled, OptionalLong.of(calls), unauthorizedBackoff);
    }

    public ProviderPolicy switchedOff() {
        return new ProviderPolicy(timeout, false, dailyBudget, unauthorizedBackoff);
    }
}
