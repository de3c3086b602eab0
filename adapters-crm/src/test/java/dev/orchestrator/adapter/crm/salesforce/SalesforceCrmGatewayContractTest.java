package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.crm.CrmGatewayContract;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The port's contract, met by the Salesforce adapter against a local org scripted from Salesforce's docs. */
class SalesforceCrmGatewayContractTest extends CrmGatewayContract {
    private static FakeSalesforce org;
    private static CrmGateway gateway;

    @BeforeAll
    static void startOrg() {
        org = new FakeSalesforce();
        gateway = SalesforceAdapter.create(SalesforceSettings.of(org.instanceUrl(), FakeSalesforce.CLIENT_ID,
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
        return gateway;
    }

    @Override
    protected void resetCrm() {
        org.reset();
    }

    @Override
    protected CrmObjectId crmHoldsContactTypedAs(String rawEmail, String firstName, String lastName) {
        return new CrmObjectId(org.hold("Contact", Map.of("Email", rawEmail, "FirstName", firstName,
                "LastName", lastName)));
    }

    @Override
    protected CrmObjectId crmHoldsCompanyTypedAs(String rawDomain, String name) {
        return new CrmObjectId(org.hold("Account", Map.of("Website", rawDomain, "Name", name)));
    }

    @Override
    protected void crmHasOwner(String id, String email, String firstName, String lastName, boolean active) {
        org.holdWithId("User", id, Map.of("Email", email, "FirstName", firstName, "LastName", lastName,
                "IsActive", active, "UserType", "Standard"));
    }

    @Override
    protected Set<CrmObjectId> companiesLinkedTo(CrmObjectId contactId) {
        if (!org.holds("Contact", contactId.value())) {
            return Set.of();
        }
        return Optional.ofNullable(org.record("Contact", contactId.value()).get("AccountId"))
                .filter(node -> !node.isNull()).map(node -> Set.of(new CrmObjectId(node.asText())))
                .orElse(Set.of());
    }
}
