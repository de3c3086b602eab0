package dev.orchestrator.adapter.crm.salesforce;

import dev.orchestrator.adapter.crm.CrmGatewayContract;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The port's contract, met by the Salesforce adapter against a local org scripted from Salesforce's docs. */
class SalesforceCrmGatewayContractTest extends CrmGatewayContract {
    @RegisterExtension
    static final SalesforceContractOrg<CrmGateway> salesforce = new SalesforceContractOrg<>(SalesforceAdapter::create);

    @Override
    protected CrmGateway gateway() {
        return salesforce.adapter();
    }

    @Override
    protected void resetCrm() {
        salesforce.org().reset();
    }

    @Override
    protected CrmObjectId crmHoldsContactTypedAs(String rawEmail, String firstName, String lastName) {
        return new CrmObjectId(salesforce.org().hold("Contact", Map.of("Email", rawEmail, "FirstName", firstName,
                "LastName", lastName)));
    }

    @Override
    protected CrmObjectId crmHoldsCompanyTypedAs(String rawDomain, String name) {
        return new CrmObjectId(salesforce.org().hold("Account", Map.of("Website", rawDomain, "Name", name)));
    }

    @Override
    protected void crmHasOwner(String id, String email, String firstName, String lastName, boolean active) {
        salesforce.org().holdWithId("User", id, Map.of("Email", email, "FirstName", firstName, "LastName", lastName,
                "IsActive", active, "UserType", "Standard"));
    }

    @Override
    protected Set<CrmObjectId> companiesLinkedTo(CrmObjectId contactId) {
        if (!salesforce.org().holds("Contact", contactId.value())) {
            return Set.of();
        }
        return Optional.ofNullable(salesforce.org().record("Contact", contactId.value()).get("AccountId"))
                .filter(node -> !node.isNull()).map(node -> Set.of(new CrmObjectId(node.asText())))
                .orElse(Set.of());
    }
}
