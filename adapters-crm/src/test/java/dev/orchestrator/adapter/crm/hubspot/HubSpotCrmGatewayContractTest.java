package dev.orchestrator.adapter.crm.hubspot;

import dev.orchestrator.adapter.crm.CrmGatewayContract;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The port's contract, met by HubSpot's adapter against a local portal that checks every call against the spec. */
class HubSpotCrmGatewayContractTest extends CrmGatewayContract {
    @RegisterExtension
    static final HubSpotContractPortal<CrmGateway> portal = new HubSpotContractPortal<>(HubSpotTestPortal::gateway);

    @Override
    protected CrmGateway gateway() {
        return portal.adapter();
    }

    @Override
    protected void resetCrm() {
        portal.hubSpot().reset();
    }

    @Override
    protected CrmObjectId crmHoldsContactTypedAs(String rawEmail, String firstName, String lastName) {
        return new CrmObjectId(portal.hubSpot().holdContact(Map.of("email", rawEmail, "firstname", firstName,
                "lastname", lastName)));
    }

    @Override
    protected CrmObjectId crmHoldsCompanyTypedAs(String rawDomain, String name) {
        return new CrmObjectId(portal.hubSpot().holdCompany(Map.of("domain", rawDomain, "name", name)));
    }

    @Override
    protected void crmHasOwner(String id, String email, String firstName, String lastName, boolean active) {
        portal.hubSpot().holdOwner(id, email, firstName, lastName, active);
    }

    @Override
    protected Set<CrmObjectId> companiesLinkedTo(CrmObjectId contactId) {
        return portal.hubSpot().companiesOfContact(contactId.value()).stream().map(CrmObjectId::new)
                .collect(Collectors.toSet());
    }
}
