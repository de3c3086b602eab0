package dev.orchestrator.adapter.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.crm.CompanyDraft;
import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every CRM promises for company firmographics ({@link CrmCompanyProfiles}): our values go in and come back
 * as our values, a write touches only the fields given, and a company the CRM does not know is a review. The
 * hooks read and type the CRM's own records (bypassing the port), as a person in the CRM would.
 */
public abstract class CrmCompanyProfilesContract {
    protected abstract CrmGateway gateway();

    protected abstract CrmCompanyProfiles profiles();

    protected abstract void resetCrm();

    /** The industry as the CRM itself holds it (HubSpot's option, Salesforce's picklist value). */
    protected abstract String industryInCrm(CrmObjectId companyId);

    /** What the CRM holds for {@code software} in its industry field. */
    protected abstract String crmSoftwareIndustry();

    /** A person types an employee count into the CRM's own record. */
    protected abstract void personSetsEmployees(CrmObjectId companyId, int employees);

    protected abstract CrmObjectId missingCompanyId();

    @BeforeEach
    void emptyCrm() {
        resetCrm();
    }

    @Test
    void the_four_standard_fields_are_held_by_every_crm() {
        assertThat(profiles().fields()).contains(CompanyProfileField.INDUSTRY, CompanyProfileField.EMPLOYEES,
                CompanyProfileField.COUNTRY, CompanyProfileField.STATE);
    }

    @Test
    void a_company_nobody_enriched_reads_as_no_fields() {
        CrmObjectId company = company("bare.example");

        assertThat(profiles().read(company)).isEmpty();
    }

    @Test
    void written_fields_read_back_as_the_values_written() {
        CrmObjectId company = company("acme.example");

        profiles().write(company, values(Map.of(CompanyProfileField.INDUSTRY, "software",
                CompanyProfileField.EMPLOYEES, "250", CompanyProfileField.COUNTRY, "US",
                CompanyProfileField.STATE, "CA")));

        assertThat(profiles().read(company)).containsExactlyInAnyOrderEntriesOf(Map.of(
                CompanyProfileField.INDUSTRY, "software", CompanyProfileField.EMPLOYEES, "250",
                CompanyProfileField.COUNTRY, "US", CompanyProfileField.STATE, "CA"));
    }

    @Test
    void the_industry_is_stored_as_the_crms_own_value() {
        CrmObjectId company = company("own.example");

        profiles().write(company, values(Map.of(CompanyProfileField.INDUSTRY, "software")));

        assertThat(industryInCrm(company)).isEqualTo(crmSoftwareIndustry());
    }

    @Test
    void a_write_leaves_the_fields_it_was_not_given_alone() {
        CrmObjectId company = company("partial.example");
        personSetsEmployees(company, 40);

        profiles().write(company, values(Map.of(CompanyProfileField.COUNTRY, "DE")));

        assertThat(profiles().read(company)).containsExactlyInAnyOrderEntriesOf(Map.of(
                CompanyProfileField.EMPLOYEES, "40", CompanyProfileField.COUNTRY, "DE"));
    }

    @Test
    void a_value_a_person_typed_is_read_as_it_is() {
        CrmObjectId company = company("typed.example");
        personSetsEmployees(company, 1200);

        assertThat(profiles().read(company)).containsEntry(CompanyProfileField.EMPLOYEES, "1200");
    }

    @Test
    void reading_a_company_the_crm_does_not_know_is_a_review() {
        assertThatThrownBy(() -> profiles().read(missingCompanyId())).isInstanceOfSatisfying(CrmFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW));
    }

    @Test
    void writing_to_a_company_the_crm_does_not_know_is_a_review() {
        assertThatThrownBy(() -> profiles().write(missingCompanyId(), values(Map.of(CompanyProfileField.COUNTRY,
                "US")))).isInstanceOfSatisfying(CrmFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW));
    }

    protected CrmObjectId company(String domain) {
        return gateway().createCompany(new CompanyDraft(domain, Optional.of("Company of " + domain)));
    }

    private static Map<CompanyProfileField, String> values(Map<CompanyProfileField, String> values) {
        return new EnumMap<>(values);
    }
}
