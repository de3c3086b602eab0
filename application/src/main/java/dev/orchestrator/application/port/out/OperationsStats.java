package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.crm.LifecycleStage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Counts for the operator's dashboard, read straight from the stored events, audit trail and contacts. */
public interface OperationsStats {
    /** Events received per minute in {@code [from, to)}; minutes without events are left out. */
    List<MinuteCount> eventsPerMinute(Instant from, Instant to);

    /**
     * Failures since {@code since} by the error policy's classes: {@code retryable} (will be tried again),
     * {@code dead-lettered} (gave up after the last attempt), {@code review} (a person must fix the record),
     * {@code alert} (configuration or credentials), {@code poison} (the event can never be processed).
     */
    Map<String, Long> failuresByClass(Instant since);

    Map<LifecycleStage, Long> contactsByStage();

    record MinuteCount(Instant minute, long count) {
    }
}
