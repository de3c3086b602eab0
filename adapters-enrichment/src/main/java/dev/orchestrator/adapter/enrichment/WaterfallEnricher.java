package dev.orchestrator.adapter.enrichment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.orchestrator.application.port.out.enrichment.CachedEnrichment;
import dev.orchestrator.application.port.out.enrichment.CompanyEnricher;
import dev.orchestrator.application.port.out.enrichment.EnrichmentCache;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.Failed;
import dev.orchestrator.application.port.out.enrichment.EnrichmentOutcome.FailureKind;
import dev.orchestrator.application.port.out.enrichment.EnrichmentReport;
import dev.orchestrator.application.port.out.enrichment.EnrichmentReport.Source;
import dev.orchestrator.application.port.out.enrichment.EnrichmentStats;
import dev.orchestrator.application.port.out.enrichment.FirmographicField;
import dev.orchestrator.application.port.out.enrichment.Firmographics;
import dev.orchestrator.application.port.out.enrichment.LateEnrichmentListener;
import dev.orchestrator.application.port.out.enrichment.ProviderAttempt;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrichment step: memory cache, then the persistent cache, then the providers in configured order, each
 * asked only for the fields still missing and given its own timeout. The caller waits at most the deadline and
 * gets what is known by then; the waterfall runs on, caches its result and hands it to the
 * {@link LateEnrichmentListener}. Concurrent lookups of one domain share one waterfall, so a burst of leads from
 * one company costs one set of provider calls.
 */
final class WaterfallEnricher implements CompanyEnricher {
    private static final Logger LOG = LoggerFactory.getLogger(WaterfallEnricher.class);

    private final List<GuardedProvider> providers;
    private final WaterfallSettings settings;
    private final EnrichmentCache persistent;
    private final LateEnrichmentListener late;
    private final Clock clock;
    private final Executor executor;
    private final Cache<RegistrableDomain, CachedEnrichment> memory;
    private final ConcurrentMap<RegistrableDomain, Run> inFlight = new ConcurrentHashMap<>();

    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong lateReports = new AtomicLong();

    WaterfallEnricher(List<ProviderSlot> slots, WaterfallSettings settings, EnrichmentCache persistent,
            LateEnrichmentListener late, Clock clock, Executor executor) {
        this.providers = slots.stream().map(slot -> new GuardedProvider(slot, clock)).toList();
        this.settings = settings;
        this.persistent = persistent;
        this.late = late;
        this.clock = clock;
        this.executor = executor;
        this.memory = Caffeine.newBuilder()
                .maximumSize(settings.memoryEntries())
                .expireAfter(Expiry.writing((RegistrableDomain domain, CachedEnrichment entry) ->
                        nonNegative(Duration.between(clock.instant(), entry.expiresAt()))))
                .build();
    }

    @Override
    public EnrichmentReport enrich(RegistrableDomain domain) {
        lookups.incrementAndGet();
        Optional<CachedEnrichment> cached = cached(domain, clock.instant());
        if (cached.isPresent()) {
            cacheHits.incrementAndGet();
            return new EnrichmentReport(domain, cached.get().firmographics(), List.of(), Source.CACHE, true);
        }
        Run fresh = new Run(domain);
        Run existing = inFlight.putIfAbsent(domain, fresh);
        Run run = existing == null ? fresh : existing;
        if (existing == null) {
            start(fresh);
        }
        try {
            return run.result.get(settings.deadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (run.lateListenerAttached.compareAndSet(false, true)) {
                run.result.thenAccept(this::deliverLate);
            }
            return run.progress.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.progress.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("enrichment waterfall for " + domain + " failed", e.getCause());
        }
    }

    @Override
    public EnrichmentStats stats() {
        return new EnrichmentStats(lookups.get(), cacheHits.get(), lateReports.get(),
                providers.stream().map(GuardedProvider::stats).toList());
    }

    private Optional<CachedEnrichment> cached(RegistrableDomain domain, Instant now) {
        CachedEnrichment inMemory = memory.getIfPresent(domain);
        if (inMemory != null && inMemory.liveAt(now)) {
            return Optional.of(inMemory);
        }
        try {
            Optional<CachedEnrichment> stored = persistent.find(domain, now);
            stored.ifPresent(entry -> memory.put(domain, entry));
            return stored;
        } catch (RuntimeException e) {
            // The cache saves calls; it must never stop a lead. Ask the providers instead.
            LOG.warn("enrichment cache read failed for {}: {}", domain, e.toString());
            return Optional.empty();
        }
    }

    private void start(Run run) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (GuardedProvider provider : providers) {
            if (provider.enabled()) {
                chain = chain.thenCompose(ignored -> step(run, provider));
            }
        }
        chain.whenComplete((ignored, error) -> {
            EnrichmentReport finished = run.finish();
            try {
                remember(finished);
            } finally {
                inFlight.remove(run.domain, run);
                if (error != null) {
                    LOG.warn("enrichment waterfall for {} stopped early: {}", run.domain, error.toString());
                }
                run.result.complete(finished);
            }
        });
    }

    private CompletableFuture<Void> step(Run run, GuardedProvider provider) {
        Set<FirmographicField> wanted = run.progress.get().firmographics().missing();
        if (wanted.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Optional<Failed> refusal = provider.admit();
        if (refusal.isPresent()) {
            run.record(new ProviderAttempt(provider.name(), wanted, refusal.get()));
            return CompletableFuture.completedFuture(null);
        }
        Failed timedOut = new Failed(provider.name(), FailureKind.TIMEOUT,
                "no answer within " + provider.timeout(), Optional.empty(), Optional.empty());
        return CompletableFuture.supplyAsync(() -> provider.lookup(run.domain), executor)
                .completeOnTimeout(timedOut, provider.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenAccept(outcome -> {
                    provider.observe(outcome);
                    run.record(new ProviderAttempt(provider.name(), wanted, outcome));
                });
    }

    /**
     * Found something: remember it for the positive TTL. Every provider that answered said "unknown": remember that
     * for the shorter negative TTL. Anything else (queued, rate limited, down, skipped) may answer differently
     * soon, so nothing is remembered.
     */
    private void remember(EnrichmentReport report) {
        Instant now = clock.instant();
        Optional<Duration> ttl;
        if (!report.firmographics().isEmpty()) {
            ttl = Optional.of(settings.positiveTtl());
        } else if (!report.attempts().isEmpty() && report.attempts().stream().allMatch(WaterfallEnricher::definite)) {
            ttl = Optional.of(settings.negativeTtl());
        } else {
            ttl = Optional.empty();
        }
        ttl.ifPresent(keep -> {
            CachedEnrichment entry = new CachedEnrichment(report.domain(), report.firmographics(), now,
                    now.plus(keep));
            memory.put(report.domain(), entry);
            try {
                persistent.store(entry);
            } catch (RuntimeException e) {
                LOG.warn("enrichment cache write failed for {}: {}", report.domain(), e.toString());
            }
        });
    }

    private static boolean definite(ProviderAttempt attempt) {
        EnrichmentOutcome outcome = attempt.outcome();
        return outcome instanceof EnrichmentOutcome.NotFound
                || outcome instanceof Failed failed && failed.kind() == FailureKind.REJECTED;
    }

    private void deliverLate(EnrichmentReport finished) {
        lateReports.incrementAndGet();
        try {
            late.onLateReport(finished);
        } catch (RuntimeException e) {
            LOG.warn("late enrichment listener failed for {}: {}", finished.domain(), e.toString());
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** One waterfall over one domain: what is known so far, and the finished report once every step ran. */
    private static final class Run {
        final RegistrableDomain domain;
        final AtomicReference<EnrichmentReport> progress;
        final CompletableFuture<EnrichmentReport> result = new CompletableFuture<>();
        final AtomicBoolean lateListenerAttached = new AtomicBoolean();

        Run(RegistrableDomain domain) {
            this.domain = domain;
            this.progress = new AtomicReference<>(
                    new EnrichmentReport(domain, Firmographics.empty(), List.of(), Source.PROVIDERS, false));
        }

        void record(ProviderAttempt attempt) {
            progress.updateAndGet(before -> {
                Firmographics merged = attempt.outcome() instanceof EnrichmentOutcome.Found found
                        ? before.firmographics().fillMissingFrom(found.firmographics())
                        : before.firmographics();
                List<ProviderAttempt> attempts = new ArrayList<>(before.attempts());
                attempts.add(attempt);
                return new EnrichmentReport(domain, merged, attempts, Source.PROVIDERS, false);
            });
        }

        EnrichmentReport finish() {
            return progress.updateAndGet(before -> new EnrichmentReport(domain, before.firmographics(),
                    before.attempts(), Source.PROVIDERS, true));
        }
    }
}
