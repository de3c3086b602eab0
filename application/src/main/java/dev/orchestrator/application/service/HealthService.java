package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.HealthReport;
import dev.orchestrator.application.port.in.HealthUseCase;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.QueueStats;
import dev.orchestrator.application.port.out.ReviewQueue;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import java.time.Clock;
import java.util.Optional;

public final class HealthService implements HealthUseCase {
    private final EventStore events;
    private final JobQueue jobs;
    private final ReviewQueue reviews;
    private final CrmGateway crm;
    private final Clock clock;

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
            queue = Optional.of(jobs.stats(clock.instant()));
            openReviews = reviews.openCount();
            eventCount = events.count();
        } catch (RuntimeException e) {
            return new HealthReport(false, Optional.of(e.getClass().getSimpleName()), Optional.empty(),
                    new CrmHealth(crm.name(), false, "not checked: database down"), 0, 0);
        }
        CrmHealth crmHealth;
        try {
            crmHealth = crm.health();
        } catch (RuntimeException e) {
            crmHealth = new CrmHealth(crm.name(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new HealthReport(true, Optional.empty(), queue, crmHealth, openReviews, eventCount);
    }
}
