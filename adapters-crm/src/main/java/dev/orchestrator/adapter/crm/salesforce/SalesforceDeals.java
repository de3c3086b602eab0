package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.application.port.out.crm.CrmDeal;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.DealDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Deals are Opportunities: upserted on {@code Orchestrator_Id__c} (so a retry after a lost answer updates the same
 * Opportunity), the pipeline kept in the custom field {@code Pipeline__c} (Salesforce has sales processes, not
 * pipelines), the contact linked through an {@code OpportunityContactRole}, the company as the Opportunity's
 * {@code AccountId}. SOQL is consistent with writes, so search-before-create sees what we wrote a moment ago.
 */
final class SalesforceDeals implements CrmDeals {
    static final String PIPELINE_FIELD = "Pipeline__c";

    private final SalesforceRecords records;

    SalesforceDeals(SalesforceRecords records) {
        this.records = records;
    }

    @Override
    public Optional<CrmDeal> findOpenDeal(CrmObjectId contactId, String pipeline) {
        return records.query("search open deal of contact " + contactId, "SELECT Id, Name, StageName, "
                        + PIPELINE_FIELD + " FROM Opportunity WHERE IsClosed = false AND " + PIPELINE_FIELD + " = "
                        + Soql.quote(pipeline) + " AND Id IN (SELECT OpportunityId FROM OpportunityContactRole WHERE "
                        + "ContactId = " + Soql.quote(contactId.value()) + ") LIMIT 10")
                .stream().findFirst().map(SalesforceDeals::toDeal);
    }

    @Override
    public CrmObjectId createDeal(DealDraft draft) {
        return records.upsert("Opportunity", draft.idempotencyKey(), values(draft));
    }

    @Override
    public void updateDeal(CrmObjectId dealId, DealDraft draft) {
        records.update("Opportunity", dealId, values(draft));
    }

    /** One contact role per contact and Opportunity: an existing one is left as it is. */
    @Override
    public void associateDealWithContact(CrmObjectId dealId, CrmObjectId contactId) {
        boolean linked = !records.query("find contact role", "SELECT Id FROM OpportunityContactRole WHERE "
                + "OpportunityId = " + Soql.quote(dealId.value()) + " AND ContactId = "
                + Soql.quote(contactId.value()) + " LIMIT 1").isEmpty();
        if (!linked) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("OpportunityId", dealId.value());
            role.put("ContactId", contactId.value());
            records.create("OpportunityContactRole", role);
        }
    }

    @Override
    public void associateDealWithCompany(CrmObjectId dealId, CrmObjectId companyId) {
        records.update("Opportunity", dealId, Map.of("AccountId", companyId.value()));
    }

    private static Map<String, Object> values(DealDraft draft) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Name", draft.name());
        values.put("StageName", draft.stage());
        values.put("CloseDate", draft.closeDate().toString());
        values.put(PIPELINE_FIELD, draft.pipeline());
        draft.amount().ifPresent(amount -> values.put("Amount", amount));
        draft.ownerId().ifPresent(owner -> values.put("OwnerId", owner));
        return values;
    }

    private static CrmDeal toDeal(JsonNode record) {
        return new CrmDeal(new CrmObjectId(record.path("Id").asText()), record.path("Name").asText(""),
                record.path(PIPELINE_FIELD).asText(""), record.path("StageName").asText(""));
    }
}
