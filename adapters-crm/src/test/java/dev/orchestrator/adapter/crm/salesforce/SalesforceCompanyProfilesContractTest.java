package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.crm.CrmCompanyProfilesContract;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Company firmographics (Account fields), met by the Salesforce adapter. */
class SalesforceCompanyProfilesContractTest extends CrmCompanyProfilesContract {
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
    protected CrmCompanyProfiles profiles() {
        return ports.companyProfiles();
    }

    @Override
    protected void resetCrm() {
        org.reset();
    }

    @Override
    protected String industryInCrm(CrmObjectId companyId) {
        return org.record("Account", companyId.value()).path("Industry").asText();
    }

    @Override
    protected String crmSoftwareIndustry() {
        return "Technology";
    }

    @Override
    protected void personSetsEmployees(CrmObjectId companyId, int employees) {
        org.set("Account", companyId.value(), "NumberOfEmployees", Integer.toString(employees));
    }

    @Override
    protected CrmObjectId missingCompanyId() {
        return new CrmObjectId("001000000099999AAA");
    }
}
