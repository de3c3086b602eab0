package dev.orchestrator.application.port.in.audit;

import dev.orchestrator.domain.shared.Require;

/** How fast a backfill may call the CRM: requests per second, and per UTC day across all runs. */
public record BackfillRate(double perSecond, long perDay) {
    public BackfillRate {
        Require.between("perSecond", perSecond, 0.01, 1000.0);
        Require.that(perDay >= 1, "perDay", "must be at least 1");
    }
}
