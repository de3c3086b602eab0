package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.crm.CrmGatewayContract;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The port's contract, met by HubSpot's adapter against a local portal that checks every call against the spec. */
class HubSpotCrmGatewayContractTest extends CrmGatewayContract {
    private static MutableClock clock;
    private static FakeHubSpot hubSpot;
    private static CrmGateway gateway;

    @BeforeAll
    static void startPortal() {
        clock = new MutableClock(Instant.parse("2026-01-05T10:15:30Z"));
        hubSpot = new FakeHubSpot(clock);
        gateway = HubSpotAdapter.createLanes(HubSpotSettings.of(FakeHubSpot.TOKEN).withBaseUrl(hubSpot.baseUrl()),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), clock,
                new RecordingSleeper(clock)).live();
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
        return gateway;
    }

    @Override
    protected void resetCrm() {
        hubSpot.reset();
    }

    @Override
    protected CrmObjectId crmHoldsContactTypedAs(String rawEmail, String firstName, String lastName) {
        return new CrmObjectId(hubSpot.holdContact(Map.of("email", rawEmail, "firstname", firstName,
                "lastname", lastName)));
    }

    @Override
    protected CrmObjectId crmHoldsCompanyTypedAs(String rawDomain, String name) {
        return new CrmObjectId(hubSpot.holdCompany(Map.of("domain", rawDomain, "name", name)));
    }

    @Override
    protected void crmHasOwner(String id, String email, String firstName, String lastName, boolean active) {
        hubSpot.holdOwner(id, email, firstName, lastName, active);
    }

    @Override
    protected Set<CrmObjectId> companiesLinkedTo(CrmObjectId contactId) {
        return hubSpot.companiesOfContact(contactId.value()).stream().map(CrmObjectId::new)
                .collect(Collectors.toSet());
    }
}
