package dev.orchestrator.adapter.crm.hubspot;

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

/** Deals, notes, tasks and batch upserts, met by HubSpot's adapter against a portal that checks every call. */
class HubSpotCrmWritesContractTest extends CrmWritesContract {
    @RegisterExtension
    static final HubSpotContractPortal<HubSpotAdapter.Ports> portal =
            new HubSpotContractPortal<>(HubSpotTestPortal::ports);

    @Override
    protected CrmGateway gateway() {
        return portal.adapter().live();
    }

    @Override
    protected CrmDeals deals() {
        return portal.adapter().deals();
    }

    @Override
    protected CrmEngagements engagements() {
        return portal.adapter().engagements();
    }

    @Override
    protected CrmContactBatches batches() {
        return portal.adapter().batches();
    }

    @Override
    protected void resetCrm() {
        portal.hubSpot().reset();
    }

    @Override
    protected String pipeline() {
        return "default";
    }

    @Override
    protected String otherPipeline() {
        return "renewals";
    }

    @Override
    protected String firstStage() {
        return "appointmentscheduled";
    }

    @Override
    protected String laterStage() {
        return "qualifiedtobuy";
    }

    @Override
    protected void crmWinsDeal(CrmObjectId dealId) {
        portal.hubSpot().winDeal(dealId.value());
    }

    @Override
    protected int dealCount() {
        return portal.hubSpot().dealCount();
    }

    @Override
    protected String stageOf(CrmObjectId dealId) {
        return portal.hubSpot().dealProperties(dealId.value()).get("dealstage");
    }

    @Override
    protected Set<CrmObjectId> contactsOfDeal(CrmObjectId dealId) {
        return ids(portal.hubSpot().linked("deals", dealId.value(), "contacts"));
    }

    @Override
    protected Set<CrmObjectId> companiesOfDeal(CrmObjectId dealId) {
        return ids(portal.hubSpot().linked("deals", dealId.value(), "companies"));
    }

    @Override
    protected List<String> engagementsOn(CrmObjectId contactId) {
        return portal.hubSpot().engagementsOn(contactId.value());
    }

    @Override
    protected CrmObjectId missingContactId() {
        return new CrmObjectId("987654");
    }

    private static Set<CrmObjectId> ids(Set<String> ids) {
        return ids.stream().map(CrmObjectId::new).collect(Collectors.toSet());
    }
}
