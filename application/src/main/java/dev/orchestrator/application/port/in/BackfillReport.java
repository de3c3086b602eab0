package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.shared.Require;
import java.util.Optional;

/**
 * @param indexed      records filed in this run
 * @param skipped      records passed over because they were at or before the resume point
 * @param batches      batches written
 * @param lastRecordId the last record indexed in this run (where to resume), empty when none was
 */
public record BackfillReport(long indexed, long skipped, int batches, Optional<String> lastRecordId) {
    public BackfillReport {
        Require.present("lastRecordId", lastRecordId);
    }
}
