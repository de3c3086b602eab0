package dev.orchestrator.adapter.crm.salesforce;

import dev.orchestrator.adapter.crm.CrmCompanyProfilesContract;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Company firmographics (Account fields), met by the Salesforce adapter. */
class SalesforceCompanyProfilesContractTest extends CrmCompanyProfilesContract {
    @RegisterExtension
    static final SalesforceContractOrg<SalesforceAdapter.Ports> salesforce =
            new SalesforceContractOrg<>(SalesforceAdapter::createPorts);

    @Override
    protected CrmGateway gateway() {
        return salesforce.adapter().gateway();
    }

    @Override
    protected CrmCompanyProfiles profiles() {
        return salesforce.adapter().companyProfiles();
    }

    @Override
    protected void resetCrm() {
        salesforce.org().reset();
    }

    @Override
    protected String industryInCrm(CrmObjectId companyId) {
        return salesforce.org().record("Account", companyId.value()).path("Industry").asText();
    }

    @Override
    protected String crmSoftwareIndustry() {
        return "Technology";
    }

    @Override
    protected void personSetsEmployees(CrmObjectId companyId, int employees) {
        salesforce.org().set("Account", companyId.value(), "NumberOfEmployees", Integer.toString(employees));
    }

    @Override
    protected CrmObjectId missingCompanyId() {
        return new CrmObjectId("001000000099999AAA");
    }
}
