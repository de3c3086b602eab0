package dev.orchestrator.application.port.in;

/**
 * @param companies companies indexed in this run
 * @param contacts  contacts indexed in this run
 * @param pages     pages read in this run
 * @param resumed   whether the run began at a saved position instead of the first page
 * @param complete  whether both passes reached their last page
 */
public record CrmIdentityBackfillReport(long companies, long contacts, int pages, boolean resumed,
        boolean complete) {
}
