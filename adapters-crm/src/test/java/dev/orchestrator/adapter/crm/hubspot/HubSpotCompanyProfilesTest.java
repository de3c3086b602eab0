package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HubSpot's company properties by internal name: which are written, how a portal's own names are configured. */
class HubSpotCompanyProfilesTest {
    private final HubSpotTestPortal portal = new HubSpotTestPortal();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        portal.close();
    }

    private CrmCompanyProfiles profiles(HubSpotCompanyFields fields) {
        return HubSpotAdapter.createPorts(portal.settings(), fields, http, portal.clock, portal.sleeper)
                .companyProfiles();
    }

    @Test
    void a_default_portal_holds_no_revenue_range_or_funding_stage() {
        assertThat(profiles(HubSpotCompanyFields.defaults()).fields()).containsExactlyInAnyOrder(
                CompanyProfileField.INDUSTRY, CompanyProfileField.EMPLOYEES, CompanyProfileField.COUNTRY,
                CompanyProfileField.STATE);
    }

    @Test
    void fields_are_patched_under_the_portals_internal_property_names() {
        String company = portal.hubSpot.holdCompany(Map.of("domain", "acme.example", "name", "Acme"));

        profiles(HubSpotCompanyFields.defaults()).write(new CrmObjectId(company), Map.of(
                CompanyProfileField.INDUSTRY, "it_services", CompanyProfileField.EMPLOYEES, "250",
                CompanyProfileField.COUNTRY, "US", CompanyProfileField.STATE, "CA"));

        assertThat(portal.hubSpot.company(company)).containsEntry("industry", "INFORMATION_TECHNOLOGY_AND_SERVICES")
                .containsEntry("numberofemployees", "250").containsEntry("country", "US").containsEntry("state", "CA");
        assertThat(portal.hubSpot.violations()).isEmpty();
    }

    @Test
    void an_industry_option_the_map_does_not_know_is_read_as_the_portal_holds_it() {
        String company = portal.hubSpot.holdCompany(Map.of("domain", "odd.example", "industry", "MARITIME"));

        assertThat(profiles(HubSpotCompanyFields.defaults()).read(new CrmObjectId(company)))
                .containsExactlyEntriesOf(Map.of(CompanyProfileField.INDUSTRY, "MARITIME"));
    }

    @Test
    void a_field_mapped_from_the_environment_goes_to_the_named_property() {
        HubSpotCompanyFields fields = HubSpotCompanyFields.fromEnvironment(Map.of(
                "HUBSPOT_COMPANY_PROPERTIES", "country=annualrevenue, state=",
                "HUBSPOT_INDUSTRY_OPTIONS", "software=SOFTWARE_DEV"));
        String company = portal.hubSpot.holdCompany(Map.of("domain", "env.example"));

        profiles(fields).write(new CrmObjectId(company), Map.of(CompanyProfileField.COUNTRY, "US",
                CompanyProfileField.INDUSTRY, "software"));

        assertThat(fields.properties()).doesNotContainKey(CompanyProfileField.STATE);
        assertThat(portal.hubSpot.company(company)).containsEntry("annualrevenue", "US")
                .containsEntry("industry", "SOFTWARE_DEV").doesNotContainKey("country");
    }

    @Test
    void writing_a_field_no_property_is_mapped_for_is_a_review_naming_the_setting() {
        String company = portal.hubSpot.holdCompany(Map.of("domain", "nomap.example"));

        assertThatThrownBy(() -> profiles(HubSpotCompanyFields.defaults()).write(new CrmObjectId(company),
                Map.of(CompanyProfileField.FUNDING_STAGE, "series_a"))).isInstanceOfSatisfying(CrmFailure.class,
                failure -> {
                    assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
                    assertThat(failure.getMessage()).contains("funding_stage").contains("HUBSPOT_COMPANY_PROPERTIES");
                });
        assertThat(portal.hubSpot.received()).isEmpty();
    }

    @Test
    void a_property_the_portal_lacks_is_a_review_that_names_it() {
        HubSpotCompanyFields fields = HubSpotCompanyFields.defaults()
                .withProperty(CompanyProfileField.REVENUE_RANGE, "revenue_range");
        String company = portal.hubSpot.holdCompany(Map.of("domain", "lacks.example"));

        assertThatThrownBy(() -> profiles(fields).write(new CrmObjectId(company),
                Map.of(CompanyProfileField.REVENUE_RANGE, "10m_50m"))).isInstanceOfSatisfying(CrmFailure.class,
                failure -> {
                    assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
                    assertThat(failure.getMessage()).contains("revenue_range");
                });
    }
}
