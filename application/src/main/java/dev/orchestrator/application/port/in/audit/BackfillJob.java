package dev.orchestrator.application.port.in.audit;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.UUID;

/**
 * A data-quality backfill against one CRM.
 *
 * @param requests CRM calls made by all its runs so far
 */
public record BackfillJob(UUID id, String crm, Instant createdAt, String createdBy, JobStatus status, int items,
        int done, long requests) {
    public BackfillJob {
        Require.present("id", id);
        Require.notBlank("crm", crm);
        Require.present("createdAt", createdAt);
        Require.notBlank("createdBy", createdBy);
        Require.present("status", status);
    }
}
