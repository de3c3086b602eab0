package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.crm.CrmCompanyProfilesContract;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.net.http.HttpClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Company firmographics, met by HubSpot's adapter against a portal that checks every call against the spec. */
class HubSpotCompanyProfilesContractTest extends CrmCompanyProfilesContract {
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
    protected CrmCompanyProfiles profiles() {
        return ports.companyProfiles();
    }

    @Override
    protected void resetCrm() {
        hubSpot.reset();
    }

    @Override
    protected String industryInCrm(CrmObjectId companyId) {
        return hubSpot.company(companyId.value()).get("industry");
    }

    @Override
    protected String crmSoftwareIndustry() {
        return "COMPUTER_SOFTWARE";
    }

    @Override
    protected void personSetsEmployees(CrmObjectId companyId, int employees) {
        hubSpot.setCompanyProperty(companyId.value(), "numberofemployees", Integer.toString(employees));
    }

    @Override
    protected CrmObjectId missingCompanyId() {
        return new CrmObjectId("987654");
    }
}
