package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.adapter.crm.CrmWritesContract;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Deals (Opportunities), notes and tasks (Tasks) and batch upserts, met by the Salesforce adapter. */
class SalesforceCrmWritesContractTest extends CrmWritesContract {
    private static FakeSalesforce org;
    private static SalesforceAdapter.Ports ports;

    @BeforeAll
    static void startOrg() {
        org = new FakeSalesforce();
        ports = SalesforceAdapter.createPorts(SalesforceSettings.of(org.instanceUrl(), FakeSalesforce.CLIENT_ID,
                FakeSalesforce.CLIENT_SECRET), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    @AfterAll
    static void stopOrg() {
        org.close();
    }

    @AfterEach
    void everyWriteKeptAssignmentRulesOff() {
        assertThat(org.violations()).isEmpty();
    }

    @Override
    protected CrmGateway gateway() {
        return ports.gateway();
    }

    @Override
    protected CrmDeals deals() {
        return ports.deals();
    }

    @Override
    protected CrmEngagements engagements() {
        return ports.engagements();
    }

    @Override
    protected CrmContactBatches batches() {
        return ports.batches();
    }

    @Override
    protected void resetCrm() {
        org.reset();
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
        org.set("Opportunity", dealId.value(), "StageName", "Closed Won");
    }

    @Override
    protected int dealCount() {
        return org.all("Opportunity").size();
    }

    @Override
    protected String stageOf(CrmObjectId dealId) {
        return org.record("Opportunity", dealId.value()).path("StageName").asText();
    }

    @Override
    protected Set<CrmObjectId> contactsOfDeal(CrmObjectId dealId) {
        return org.all("OpportunityContactRole").stream()
                .filter(role -> role.path("OpportunityId").asText().equals(dealId.value()))
                .map(role -> new CrmObjectId(role.path("ContactId").asText())).collect(Collectors.toSet());
    }

    @Override
    protected Set<CrmObjectId> companiesOfDeal(CrmObjectId dealId) {
        ObjectNode deal = org.record("Opportunity", dealId.value());
        return deal.hasNonNull("AccountId") ? Set.of(new CrmObjectId(deal.get("AccountId").asText())) : Set.of();
    }

    /** A completed Task is a note (logged activity); an open one is a task. */
    @Override
    protected List<String> engagementsOn(CrmObjectId contactId) {
        return org.all("Task").stream().filter(task -> task.path("WhoId").asText().equals(contactId.value()))
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
