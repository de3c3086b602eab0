package dev.orchestrator.application.port.in;

/**
 * Files existing CRM companies and contacts in the identity index, in batches, so search-before-create sees
 * what was there before the orchestrator. Resumable: a run that stopped is restarted after the last record id
 * its last checkpoint reported, and re-indexing a record only replaces it.
 */
public interface BackfillIdentityIndexUseCase {
    BackfillReport backfill(BackfillCommand command);
}
