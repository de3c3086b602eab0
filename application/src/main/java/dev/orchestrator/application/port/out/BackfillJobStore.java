package dev.orchestrator.application.port.out;

import dev.orchestrator.application.port.in.audit.BackfillItem;
import dev.orchestrator.application.port.in.audit.BackfillJob;
import dev.orchestrator.application.port.in.audit.JobStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where data-quality backfill jobs keep their plan and progress, so a stopped or killed run resumes at the first
 * item not yet finished, and where the per-day request count of each CRM is kept across runs.
 */
public interface BackfillJobStore {
    void create(BackfillJob job, List<BackfillItem> items);

    Optional<BackfillJob> job(UUID id);

    Optional<BackfillJob> latest();

    List<BackfillItem> items(UUID jobId);

    /** Saves the item's new status, before value and note, and adds the requests it cost to the job. */
    void update(BackfillItem item, long requests);

    void status(UUID jobId, JobStatus status);

    long requestsOn(String crm, LocalDate day);

    void countRequests(String crm, LocalDate day, long requests);
}
