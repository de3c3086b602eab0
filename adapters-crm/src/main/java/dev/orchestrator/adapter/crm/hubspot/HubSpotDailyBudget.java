package dev.orchestrator.adapter.crm.hubspot;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The portal's daily request allowance (private apps: 250,000 on Free/Starter, 650,000 on Professional, 1,000,000
 * on Enterprise, shared by every private app of the portal), and the time zone whose midnight resets it (the
 * portal's own). Backfills stop when less than {@code liveReservePercent} of the day is left, so live leads still
 * reach the CRM on the day a backfill runs long.
 */
public record HubSpotDailyBudget(long requests, ZoneId resetZone, int liveReservePercent) {
    public HubSpotDailyBudget {
        Objects.requireNonNull(resetZone, "resetZone");
        if (requests <= 0) {
            throw new IllegalArgumentException("daily budget must be positive");
        }
        if (liveReservePercent < 0 || liveReservePercent >= 100) {
            throw new IllegalArgumentException("liveReservePercent must be between 0 and 99");
        }
    }

    /** A Professional portal's private-app allowance, reset at midnight UTC. */
    public static HubSpotDailyBudget professional() {
        return new HubSpotDailyBudget(650_000, ZoneId.of("UTC"), 10);
    }

    long reserve() {
        return requests * liveReservePercent / 100;
    }
}
