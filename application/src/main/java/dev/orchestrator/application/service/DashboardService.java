package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.Dashboard;
import dev.orchestrator.application.port.in.DashboardQuery;
import dev.orchestrator.application.port.in.DashboardUseCase;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.OperationsStats;
import dev.orchestrator.application.port.out.OperationsStats.MinuteCount;
import dev.orchestrator.application.port.out.QueueBacklog;
import dev.orchestrator.application.port.out.ReviewQueue;
import dev.orchestrator.domain.crm.LifecycleStage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class DashboardService implements DashboardUseCase {
    /** The sales funnel in order; nurture and disqualified are side exits, not steps. */
    static final List<LifecycleStage> FUNNEL = List.of(LifecycleStage.LEAD, LifecycleStage.MQL, LifecycleStage.SQL,
            LifecycleStage.OPPORTUNITY, LifecycleStage.CUSTOMER);

    private final OperationsStats stats;
    private final JobQueue jobs;
    private final ReviewQueue reviews;
    private final Clock clock;

    public DashboardService(OperationsStats stats, JobQueue jobs, ReviewQueue reviews, Clock clock) {
        this.stats = stats;
        this.jobs = jobs;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public Dashboard dashboard(DashboardQuery query) {
        Instant now = clock.instant();
        Instant to = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant from = to.minus(query.throughputWindow().toMinutes(), ChronoUnit.MINUTES);
        QueueBacklog queue = jobs.backlog(now);
        return new Dashboard(now, everyMinute(from, to, stats.eventsPerMinute(from, to)), queue.oldestReadyAge(),
                stats.failuresByClass(now.minus(query.failureWindow())), reviews.openCount(), queue.dead(),
                funnel(stats.contactsByStage()));
    }

    private static List<MinuteCount> everyMinute(Instant from, Instant to, List<MinuteCount> counted) {
        Map<Instant, Long> byMinute = new HashMap<>();
        counted.forEach(c -> byMinute.merge(c.minute().truncatedTo(ChronoUnit.MINUTES), c.count(), Long::sum));
        List<MinuteCount> series = new ArrayList<>();
        for (Instant minute = from; minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            series.add(new MinuteCount(minute, byMinute.getOrDefault(minute, 0L)));
        }
        return series;
    }

    static List<Dashboard.FunnelStep> funnel(Map<LifecycleStage, Long> byStage) {
        List<Dashboard.FunnelStep> steps = new ArrayList<>();
        long previous = -1;
        for (int i = 0; i < FUNNEL.size(); i++) {
            long reached = 0;
            for (LifecycleStage later : FUNNEL.subList(i, FUNNEL.size())) {
                reached += byStage.getOrDefault(later, 0L);
            }
            if (i == 0) {
                // Nurtured and disqualified contacts entered the funnel as leads and left it on the side.
                reached += byStage.getOrDefault(LifecycleStage.NURTURE, 0L)
                        + byStage.getOrDefault(LifecycleStage.DISQUALIFIED, 0L);
            }
            Optional<Double> conversion = previous > 0 ? Optional.of((double) reached / previous) : Optional.empty();
            steps.add(new Dashboard.FunnelStep(FUNNEL.get(i), reached, conversion));
            previous = reached;
        }
        return steps;
    }
}
