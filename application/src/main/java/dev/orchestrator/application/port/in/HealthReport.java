package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.QueueStats;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import java.util.Optional;

/** The state an operator checks first. */
public record HealthReport(boolean databaseUp, Optional<String> databaseError, Optional<QueueStats> queue,
        CrmHealth crm, long openReviews, long events) {

    public boolean healthy() {
        return databaseUp && crm.up();
    }
}
