package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.Optional;

/**
 * Deals (HubSpot deals, Salesforce Opportunities). Search-before-create finds the contact's open deal in a
 * pipeline; a create carries an idempotency key, so a job retried after a lost answer writes the same deal again
 * instead of a second one. Associations are idempotent: linking twice leaves one link.
 */
public interface CrmDeals {
    /** The contact's deal in this pipeline that is neither won nor lost, if there is one. */
    Optional<CrmDeal> findOpenDeal(CrmObjectId contactId, String pipeline);

    /** Creates the deal, or writes the draft onto the deal this idempotency key already made; answers its id. */
    CrmObjectId createDeal(DealDraft draft);

    /** Writes the draft onto a deal found by search (one a person may have made, without our key). */
    void updateDeal(CrmObjectId dealId, DealDraft draft);

    void associateDealWithContact(CrmObjectId dealId, CrmObjectId contactId);

    void associateDealWithCompany(CrmObjectId dealId, CrmObjectId companyId);
}
