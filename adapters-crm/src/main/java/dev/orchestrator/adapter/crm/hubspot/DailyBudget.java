package dev.orchestrator.adapter.crm.hubspot;

import dev.orchestrator.application.port.out.crm.CrmFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Counts this day's requests against the portal's daily allowance. HubSpot's {@code X-HubSpot-RateLimit-Daily-
 * Remaining} is adopted when it says less is left than we counted (the other private apps of the portal spend the
 * same allowance). A spent day is a {@link CrmFailure.Kind#RETRYABLE} failure that waits until the reset, sent
 * before the request, so no request is wasted on a certain 429.
 */
final class DailyBudget {
    private final HubSpotDailyBudget budget;
    private final Clock clock;
    private LocalDate day;
    private long used;

    DailyBudget(HubSpotDailyBudget budget, Clock clock) {
        this.budget = budget;
        this.clock = clock;
        this.day = today();
    }

    /** Counts one request of this lane, or refuses it when the lane's share of the day is spent. */
    synchronized void spend(String operation, Lane lane) {
        roll();
        long limit = lane == Lane.LIVE ? budget.requests() : budget.requests() - budget.reserve();
        if (used >= limit) {
            Duration untilReset = Duration.between(clock.instant(), nextReset());
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "HubSpot " + operation + " not sent: the portal's daily "
                    + "budget is spent (" + used + " of " + budget.requests() + " requests"
                    + (lane == Lane.LIVE ? "" : ", the last " + budget.reserve() + " kept for live leads")
                    + "); it resets in " + untilReset.toMinutes() + " min", Optional.of(untilReset), null);
        }
        used++;
    }

    /** HubSpot's own count of what is left today, when its answer carries one. */
    synchronized void observeRemaining(long remaining) {
        roll();
        used = Math.max(used, budget.requests() - remaining);
    }

    synchronized long used() {
        roll();
        return used;
    }

    synchronized boolean spent() {
        roll();
        return used >= budget.requests();
    }

    long allowance() {
        return budget.requests();
    }

    private void roll() {
        LocalDate now = today();
        if (!now.equals(day)) {
            day = now;
            used = 0;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), budget.resetZone());
    }

    private Instant nextReset() {
        return day.plusDays(1).atStartOfDay(budget.resetZone()).toInstant();
    }
}
