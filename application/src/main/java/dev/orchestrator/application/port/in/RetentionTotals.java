package dev.orchestrator.application.port.in;

import java.time.Instant;
import java.util.Optional;

/** What the retention sweep did since start-up. */
public record RetentionTotals(long runs, long skipped, long rawEventsErased, long auditEventsErased,
        Optional<Instant> lastRunAt, long maxAgeDays) {
}
