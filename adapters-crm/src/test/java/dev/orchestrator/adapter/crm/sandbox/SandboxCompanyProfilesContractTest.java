package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.adapter.crm.CrmCompanyProfilesContract;
import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.domain.crm.CrmObjectId;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;

/** Company firmographics, met by the sandbox CRM on PostgreSQL. */
class SandboxCompanyProfilesContractTest extends CrmCompanyProfilesContract {
    private static CrmGateway gateway;
    private static CrmCompanyProfiles profiles;
    private static Jdbi jdbi;

    @BeforeAll
    static void createCrm() {
        DataSource dataSource = TestDatabase.fresh();
        MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
        gateway = SandboxCrmAdapter.create(dataSource, clock);
        profiles = SandboxCrmAdapter.companyProfiles(dataSource, clock);
        jdbi = Jdbi.create(dataSource);
    }

    @Override
    protected CrmGateway gateway() {
        return gateway;
    }

    @Override
    protected CrmCompanyProfiles profiles() {
        return profiles;
    }

    @Override
    protected void resetCrm() {
        jdbi.useHandle(h -> h.execute("truncate sandbox_crm.engagements, sandbox_crm.deal_contacts, sandbox_crm.deals, "
                + "sandbox_crm.contact_companies, sandbox_crm.contacts, "
                + "sandbox_crm.companies, sandbox_crm.owners restart identity"));
    }

    @Override
    protected String industryInCrm(CrmObjectId companyId) {
        return jdbi.withHandle(h -> h.createQuery("select industry from sandbox_crm.companies where id = :id")
                .bind("id", Long.parseLong(companyId.value())).mapTo(String.class).one());
    }

    @Override
    protected String crmSoftwareIndustry() {
        return "software";
    }

    @Override
    protected void personSetsEmployees(CrmObjectId companyId, int employees) {
        jdbi.useHandle(h -> h.createUpdate("update sandbox_crm.companies set numberofemployees = :n where id = :id")
                .bind("n", employees).bind("id", Long.parseLong(companyId.value())).execute());
    }

    @Override
    protected CrmObjectId missingCompanyId() {
        return new CrmObjectId("987654");
    }
}
