package dev.orchestrator.application.port.in;

/**
 * The identity index filled from the CRM's existing companies and contacts (issue #4's backfill), page by page
 * through the CRM paging port; the next page's cursor is saved after each page, so a stopped run resumes there.
 * Companies are indexed under their CRM id (as the pipeline indexes them), contacts under {@code contact:<id>}.
 */
public interface BackfillIdentityFromCrmUseCase {
    String CONTACT_PREFIX = "contact:";

    CrmIdentityBackfillReport backfill(CrmIdentityBackfillCommand command);
}
