package dev.orchestrator.application.port.out.enrichment;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One provider's state for {@code /health} and {@code /metrics}: whether it is switched on and healthy, what it
 * has cost (calls in total and today, against its daily budget) and how it answered.
 */
public record ProviderStats(String provider, boolean enabled, boolean healthy, String detail, long calls,
        long callsToday, OptionalLong dailyBudget, Optional<Instant> coolingDownUntil, long found, long notFound,
        long pending, long failed, long skipped) {
}
