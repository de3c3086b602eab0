package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.crm.CrmWritesContract;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Deals, notes, tasks and batch upserts, met by HubSpot's adapter against a portal that checks every call. */
class HubSpotCrmWritesContractTest extends CrmWritesContract {
    private static FakeHubSpot hubSpot;
    private static HubSpotAdapter.Ports ports;

    @BeforeAll
    static void startPortal() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:15:30Z"));
        hubSpot = new FakeHubSpot(clock);
        ports = HubSpotAdapter.createPorts(HubSpotSettings.of(FakeHubSpot.TOKEN).withBaseUrl(hubSpot.baseUrl()),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), clock,
                new RecordingSleeper(clock));
    }

    @AfterAll
    static void stopPortal() {
        hubSpot.close();
    }

    @AfterEach
    void everyCallMatchedHubSpotsPublishedSpec() {
        assertThat(hubSpot.violations()).isEmpty();
    }

    @Override
    protected CrmGateway gateway() {
        return ports.live();
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
        hubSpot.reset();
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
        hubSpot.winDeal(dealId.value());
    }

    @Override
    protected int dealCount() {
        return hubSpot.dealCount();
    }

    @Override
    protected String stageOf(CrmObjectId dealId) {
        return hubSpot.dealProperties(dealId.value()).get("dealstage");
    }

    @Override
    protected Set<CrmObjectId> contactsOfDeal(CrmObjectId dealId) {
        return ids(hubSpot.linked("deals", dealId.value(), "contacts"));
    }

    @Override
    protected Set<CrmObjectId> companiesOfDeal(CrmObjectId dealId) {
        return ids(hubSpot.linked("deals", dealId.value(), "companies"));
    }

    @Override
    protected List<String> engagementsOn(CrmObjectId contactId) {
        return hubSpot.engagementsOn(contactId.value());
    }

    @Override
    protected CrmObjectId missingContactId() {
        return new CrmObjectId("987654");
    }

    private static Set<CrmObjectId> ids(Set<String> ids) {
        return ids.stream().map(CrmObjectId::new).collect(Collectors.toSet());
    }
}
