package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Account firmographics by API name: the request Salesforce gets, and a custom field named in the environment. */
class SalesforceCompanyProfilesTest {
    private final FakeSalesforce org = new FakeSalesforce();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        org.close();
    }

    private CrmCompanyProfiles profiles(SalesforceAccountFields fields) {
        return SalesforceAdapter.createPorts(SalesforceSettings.of(org.instanceUrl(), FakeSalesforce.CLIENT_ID,
                FakeSalesforce.CLIENT_SECRET), fields, http).companyProfiles();
    }

    @Test
    void the_employee_count_is_sent_as_a_number_and_the_rest_as_text() {
        String account = org.hold("Account", Map.of("Name", "Acme"));

        profiles(SalesforceAccountFields.defaults()).write(new CrmObjectId(account), Map.of(
                CompanyProfileField.EMPLOYEES, "250", CompanyProfileField.STATE, "CA"));

        String patch = org.received().stream().filter(r -> r.method().equals("PATCH")).reduce((a, b) -> b)
                .orElseThrow().body();
        assertThat(patch).contains("\"NumberOfEmployees\":250").contains("\"BillingState\":\"CA\"");
    }

    @Test
    void a_custom_field_named_in_the_environment_holds_the_revenue_range() {
        SalesforceAccountFields fields = SalesforceAccountFields.fromEnvironment(Map.of(
                "SALESFORCE_ACCOUNT_FIELDS", "revenue_range=Revenue_Range__c"));
        String account = org.hold("Account", Map.of("Name", "Acme"));

        profiles(fields).write(new CrmObjectId(account), Map.of(CompanyProfileField.REVENUE_RANGE, "10m_50m"));

        assertThat(org.record("Account", account).path("Revenue_Range__c").asText()).isEqualTo("10m_50m");
        assertThat(profiles(fields).read(new CrmObjectId(account)))
                .containsEntry(CompanyProfileField.REVENUE_RANGE, "10m_50m");
    }
}
