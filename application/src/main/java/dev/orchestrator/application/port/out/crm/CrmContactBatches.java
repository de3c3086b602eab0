package dev.orchestrator.application.port.out.crm;

import java.util.List;

/**
 * Many contacts written at once, keyed by email (HubSpot's batch upsert with {@code idProperty=email}, Salesforce's
 * sObject-collection upsert on the external id): for backfills and replays, where one call per contact would spend
 * the CRM's request budget a hundred times faster. Upserting the same drafts again changes nothing and creates
 * nothing. The CRM's batch limit is the adapter's concern: any number of drafts may be passed.
 */
public interface CrmContactBatches {
    List<ContactUpsert> upsertContacts(List<ContactDraft> drafts);
}
