package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;

/** A deal as the CRM holds it: the pipeline and stage are the CRM's own internal values. */
public record CrmDeal(CrmObjectId id, String name, String pipeline, String stage) {
}
