package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.HealthReport;
import dev.orchestrator.application.port.in.HealthUseCase;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.QueueBacklog;
import dev.orchestrator.application.port.out.QueueStats;
import dev.orchestrator.application.port.out.ReviewQueue;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code /health} and {@code /metrics} report. The backlog (ready, running, dead, lag) is read live on every
 * call from the queue's partial indexes; what costs a whole-table scan (events stored, jobs done) or a CRM API call
 * (the CRM's own check) is redone at most every {@link #TOTALS_REUSE}, by one caller at a time, so a load balancer
 * or a scraper probing every second costs one scan and one CRM call per interval, not one per probe. The scans grow
 * with the tables, so the totals are also kept for {@link #COUNT_COST_FACTOR} times as long as counting them took:
 * exact as of their count, and never more than about 1 % of a core however large the tables grow.
 */
public final class HealthService implements HealthUseCase {
    /** How long the counted totals and the CRM's answer are reported before they are asked for again. */
    public static final Duration TOTALS_REUSE = Duration.ofSeconds(5);
    /**
     * The counted totals are reused for at least this many times the count's own duration: ~10 ms at 150,000
     * events (so every 5 s), ~1 s at ten million (so every 100 s instead of a fifth of a core spent counting).
     */
    public static final int COUNT_COST_FACTOR = 100;

    private final EventStore events;
    private final JobQueue jobs;
    private final ReviewQueue reviews;
    private final CrmGateway crm;
    private final Clock clock;
    // Two locks: a CRM that takes its time to answer must not hold up the database figures, nor they it.
    private final Object countingLock = new Object();
    private final Object crmLock = new Object();
    private Totals totals;
    private CrmCheck crmChecked;

    private record Totals(long events, long jobsDone, Instant countedAt, Duration reuse) {
    }

    private record CrmCheck(CrmHealth health, Instant checkedAt) {
    }

    public HealthService(EventStore events, JobQueue jobs, ReviewQueue reviews, CrmGateway crm, Clock clock) {
        this.events = events;
        this.jobs = jobs;
        this.reviews = reviews;
        this.crm = crm;
        this.clock = clock;
    }

    @Override
    public HealthReport health() {
        Optional<QueueStats> queue;
        long openReviews;
        long eventCount;
        try {
            Instant now = clock.instant();
            QueueBacklog backlog = jobs.backlog(now);
            Totals counted = totals(now);
            queue = Optional.of(QueueStats.of(backlog, counted.jobsDone()));
            openReviews = reviews.openCount();
            eventCount = counted.events();
        } catch (RuntimeException e) {
            return new HealthReport(false, Optional.of(e.getClass().getSimpleName()), Optional.empty(),
                    new CrmHealth(crm.name(), false, "not checked: database down"), 0, 0);
        }
        return new HealthReport(true, Optional.empty(), queue, crmHealth(clock.instant()), openReviews, eventCount);
    }

    /** A real CRM's check is an API call counted against the portal's limits: once per interval is enough. */
    private CrmHealth crmHealth(Instant now) {
        synchronized (crmLock) {
            if (crmChecked == null || stale(crmChecked.checkedAt(), TOTALS_REUSE, now)) {
                CrmHealth answer;
                try {
                    answer = crm.health();
                } catch (RuntimeException e) {
                    answer = new CrmHealth(crm.name(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                crmChecked = new CrmCheck(answer, now);
            }
            return crmChecked.health();
        }
    }

    private static boolean stale(Instant at, Duration reuse, Instant now) {
        return !now.isBefore(at.plus(reuse)) || now.isBefore(at);
    }

    /** Probes that arrive while one caller counts wait for its figures instead of starting scans of their own. */
    private Totals totals(Instant now) {
        synchronized (countingLock) {
            if (totals == null || stale(totals.countedAt(), totals.reuse(), now)) {
                long eventCount = events.count();
                long jobsDone = jobs.stats(now).done();
                Duration took = Duration.between(now, clock.instant());
                Duration reuse = took.multipliedBy(COUNT_COST_FACTOR);
                totals = new Totals(eventCount, jobsDone, now, reuse.compareTo(TOTALS_REUSE) > 0 ? reuse : TOTALS_REUSE);
            }
            return totals;
        }
    }
}
