package dev.orchestrator.adapter.enrichment;

import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.Failed;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.FailureKind;
import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import dev.orchestrator.application.port.out.enrichment.ProviderStats;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider behind its policy: not called while switched off, over its daily budget, cooling down after a 429
 * or after refusing our key; counts what it was asked and how it answered for {@code /metrics} and
 * {@code /health}.
 */
final class GuardedProvider {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedProvider.class);
    // A 429 without Retry-After still means "slow down": wait this long before the next call.
    static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofSeconds(60);

    private final EnrichmentProvider provider;
    private final ProviderPolicy policy;
    private final Clock clock;

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong found = new AtomicLong();
    private final AtomicLong notFound = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    private LocalDate budgetDay;
    private long callsToday;
    private Instant coolingDownUntil = Instant.MIN;
    private boolean healthy = true;
    private String detail = "no calls yet";

    GuardedProvider(ProviderSlot slot, Clock clock) {
        this.provider = slot.provider();
        this.policy = slot.policy();
        this.clock = clock;
        this.budgetDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    String name() {
        return provider.name();
    }

    boolean enabled() {
        return policy.enabled();
    }

    Duration timeout() {
        return policy.timeout();
    }

    /** Why the provider must not be called now, if it must not; otherwise reserves one call of today's budget. */
    synchronized Optional<Failed> admit() {
        Instant now = clock.instant();
        rollBudgetDay(now);
        Optional<String> refusal = Optional.empty();
        if (now.isBefore(coolingDownUntil)) {
            refusal = Optional.of((healthy ? "rate limited" : "key refused") + ", paused until " + coolingDownUntil);
        } else if (policy.dailyBudget().isPresent() && callsToday >= policy.dailyBudget().getAsLong()) {
            refusal = Optional.of("daily budget of " + policy.dailyBudget().getAsLong() + " calls spent");
        }
        if (refusal.isPresent()) {
            skipped.incrementAndGet();
            return Optional.of(new Failed(name(), FailureKind.SKIPPED, refusal.get(), Optional.empty(),
                    Optional.empty()));
        }
        callsToday++;
        calls.incrementAndGet();
        return Optional.empty();
    }

    /** Calls the provider; a provider that throws is treated as unavailable rather than breaking the waterfall. */
    EnrichmentOutcome lookup(RegistrableDomain domain) {
        try {
            return provider.lookup(domain);
        } catch (RuntimeException e) {
            return new Failed(name(), FailureKind.UNAVAILABLE, "provider threw " + e.getClass().getSimpleName(),
                    Optional.empty(), Optional.empty());
        }
    }

    synchronized void observe(EnrichmentOutcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof EnrichmentOutcome.Found) {
            found.incrementAndGet();
            answered();
        } else if (outcome instanceof EnrichmentOutcome.NotFound) {
            notFound.incrementAndGet();
            answered();
        } else if (outcome instanceof EnrichmentOutcome.Pending) {
            pending.incrementAndGet();
            answered();
        } else if (outcome instanceof Failed failure) {
            failed.incrementAndGet();
            if (failure.kind() == FailureKind.RATE_LIMITED) {
                coolingDownUntil = now.plus(failure.retryAfter().orElse(DEFAULT_RATE_LIMIT_PAUSE));
                detail = "rate limited: " + failure.reason();
            } else if (failure.kind() == FailureKind.UNAUTHORIZED) {
                if (healthy) {
                    // An alert, once per outage: the key was refused, so every lead goes without this provider
                    // until someone fixes the key. /health shows the provider down with this reason meanwhile.
                    LOG.error("ALERT enrichment provider {} refused our key: {}; marked unhealthy, paused until {}",
                            name(), failure.reason(), now.plus(policy.unauthorizedBackoff()));
                }
                healthy = false;
                coolingDownUntil = now.plus(policy.unauthorizedBackoff());
                detail = "key refused (alert raised at " + now + "): " + failure.reason();
            } else {
                detail = "last call failed: " + failure.reason();
            }
        }
    }

    synchronized ProviderStats stats() {
        rollBudgetDay(clock.instant());
        Optional<Instant> cooling = clock.instant().isBefore(coolingDownUntil) ? Optional.of(coolingDownUntil)
                : Optional.empty();
        return new ProviderStats(name(), policy.enabled(), healthy, policy.enabled() ? detail : "switched off",
                calls.get(), callsToday, policy.dailyBudget(), cooling, found.get(), notFound.get(), pending.get(),
                failed.get(), skipped.get());
    }

    private void answered() {
        healthy = true;
        detail = "answering";
    }

    private void rollBudgetDay(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(budgetDay)) {
            budgetDay = today;
            callsToday = 0;
        }
    }
}
