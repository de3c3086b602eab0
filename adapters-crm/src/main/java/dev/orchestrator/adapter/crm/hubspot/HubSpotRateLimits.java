package dev.orchestrator.adapter.crm.hubspot;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast this service may call one HubSpot portal. Private apps share 190 requests per rolling 10 s per
 * portal (Professional/Enterprise; 100 on Free/Starter); search has a budget of its own (about 4-5 requests/s)
 * and is exempt from the 10-second one. {@code liveReservePercent} of each window is kept for live inbound
 * leads: backfills and replays may use the rest.
 */
public record HubSpotRateLimits(int burstRequests, Duration burstInterval, int searchRequests,
        Duration searchInterval, int liveReservePercent, Duration defaultRetryAfter) {

    public HubSpotRateLimits {
        Objects.requireNonNull(burstInterval, "burstInterval");
        Objects.requireNonNull(searchInterval, "searchInterval");
        Objects.requireNonNull(defaultRetryAfter, "defaultRetryAfter");
        positive("burstRequests", burstRequests);
        positive("searchRequests", searchRequests);
        positive("burstInterval", burstInterval);
        positive("searchInterval", searchInterval);
        if (liveReservePercent < 0 || liveReservePercent >= 100) {
            throw new IllegalArgumentException("liveReservePercent must be between 0 and 99");
        }
    }

    /** Private app on a Professional or Enterprise portal, search at the older, stricter 4 requests/s. */
    public static HubSpotRateLimits privateAppDefaults() {
        return new HubSpotRateLimits(190, Duration.ofSeconds(10), 4, Duration.ofSeconds(1), 10,
                Duration.ofSeconds(1));
    }

    /** Requests of a window of {@code capacity} that backfill traffic must leave to live traffic. */
    int reserveOf(int capacity) {
        if (capacity <= 1 || liveReservePercent == 0) {
            return 0;
        }
        return Math.max(1, (int) Math.ceil(capacity * liveReservePercent / 100.0));
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
