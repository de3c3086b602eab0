package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.OperationsStats.MinuteCount;
import dev.orchestrator.domain.crm.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of the service at a glance: throughput per minute (every minute of the window, zeros included),
 * how long the oldest ready job has waited, failures by class, what waits for people, and the stage funnel.
 */
public record Dashboard(Instant asOf, List<MinuteCount> eventsPerMinute, Duration processingLag,
        Map<String, Long> failuresByClass, long openReviews, long deadLetters, List<FunnelStep> funnel) {

    public long eventsInWindow() {
        return eventsPerMinute.stream().mapToLong(MinuteCount::count).sum();
    }

    /**
     * Contacts that reached {@code stage} (are in it or beyond it in the funnel), and the share of the previous
     * step's contacts that got this far.
     */
    public record FunnelStep(LifecycleStage stage, long reached, Optional<Double> conversionFromPrevious) {
    }
}
