package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.adapter.crm.CrmWritesContract;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deals (Opportunities), notes and tasks (Tasks) and batch upserts, met by the Salesforce adapter. */
class SalesforceCrmWritesContractTest extends CrmWritesContract {
    @RegisterExtension
    static final SalesforceContractOrg<SalesforceAdapter.Ports> salesforce =
            new SalesforceContractOrg<>(SalesforceAdapter::createPorts);

    @Override
    protected CrmGateway gateway() {
        return salesforce.adapter().gateway();
    }

    @Override
    protected CrmDeals deals() {
        return salesforce.adapter().deals();
    }

    @Override
    protected CrmEngagements engagements() {
        return salesforce.adapter().engagements();
    }

    @Override
    protected CrmContactBatches batches() {
        return salesforce.adapter().batches();
    }

    @Override
    protected void resetCrm() {
        salesforce.org().reset();
    }

    @Override
    protected String pipeline() {
        return "New business";
    }

    @Override
    protected String otherPipeline() {
        return "Renewals";
    }

    @Override
    protected String firstStage() {
        return "Prospecting";
    }

    @Override
    protected String laterStage() {
        return "Qualification";
    }

    @Override
    protected void crmWinsDeal(CrmObjectId dealId) {
        salesforce.org().set("Opportunity", dealId.value(), "StageName", "Closed Won");
    }

    @Override
    protected int dealCount() {
        return salesforce.org().all("Opportunity").size();
    }

    @Override
    protected String stageOf(CrmObjectId dealId) {
        return salesforce.org().record("Opportunity", dealId.value()).path("StageName").asText();
    }

    @Override
    protected Set<CrmObjectId> contactsOfDeal(CrmObjectId dealId) {
        return salesforce.org().all("OpportunityContactRole").stream()
                .filter(role -> role.path("OpportunityId").asText().equals(dealId.value()))
                .map(role -> new CrmObjectId(role.path("ContactId").asText())).collect(Collectors.toSet());
    }

    @Override
    protected Set<CrmObjectId> companiesOfDeal(CrmObjectId dealId) {
        ObjectNode deal = salesforce.org().record("Opportunity", dealId.value());
        return deal.hasNonNull("AccountId") ? Set.of(new CrmObjectId(deal.get("AccountId").asText())) : Set.of();
    }

    /** A completed Task is a note (logged activity); an open one is a task. */
    @Override
    protected List<String> engagementsOn(CrmObjectId contactId) {
        return salesforce.org().all("Task").stream()
                .filter(task -> task.path("WhoId").asText().equals(contactId.value()))
                .map(task -> task.path("Status").asText().equals("Completed")
                        ? "note: " + task.path("Description").asText()
                        : "task: " + task.path("Subject").asText())
                .toList();
    }

    @Override
    protected CrmObjectId missingContactId() {
        return new CrmObjectId("003000000099999AAA");
    }
}
