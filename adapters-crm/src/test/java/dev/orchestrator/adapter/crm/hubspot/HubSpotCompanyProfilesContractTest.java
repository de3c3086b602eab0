package dev.orchestrator.adapter.crm.hubspot;

import dev.orchestrator.adapter.crm.CrmCompanyProfilesContract;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Company firmographics, met by HubSpot's adapter against a portal that checks every call against the spec. */
class HubSpotCompanyProfilesContractTest extends CrmCompanyProfilesContract {
    @RegisterExtension
    static final HubSpotContractPortal<HubSpotAdapter.Ports> portal =
            new HubSpotContractPortal<>(HubSpotTestPortal::ports);

    @Override
    protected CrmGateway gateway() {
        return portal.adapter().live();
    }

    @Override
    protected CrmCompanyProfiles profiles() {
        return portal.adapter().companyProfiles();
    }

    @Override
    protected void resetCrm() {
        portal.hubSpot().reset();
    }

    @Override
    protected String industryInCrm(CrmObjectId companyId) {
        return portal.hubSpot().company(companyId.value()).get("industry");
    }

    @Override
    protected String crmSoftwareIndustry() {
        return "COMPUTER_SOFTWARE";
    }

    @Override
    protected void personSetsEmployees(CrmObjectId companyId, int employees) {
        portal.hubSpot().setCompanyProperty(companyId.value(), "numberofemployees", Integer.toString(employees));
    }

    @Override
    protected CrmObjectId missingCompanyId() {
        return new CrmObjectId("987654");
    }
}
