package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.adapter.crm.CrmGatewayContract;
import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;

/** The port's contract, met by the sandbox CRM on PostgreSQL. */
class SandboxCrmGatewayContractTest extends CrmGatewayContract {
    private static CrmGateway gateway;
    private static Jdbi jdbi;

    @BeforeAll
    static void createCrm() {
        DataSource dataSource = TestDatabase.fresh();
        gateway = SandboxCrmAdapter.create(dataSource, MutableClock.at("2026-01-05T10:15:30Z"));
        jdbi = Jdbi.create(dataSource);
    }

    @Override
    protected CrmGateway gateway() {
        return gateway;
    }

    @Override
    protected void resetCrm() {
        jdbi.useHandle(h -> h.execute("truncate sandbox_crm.engagements, sandbox_crm.deal_contacts, sandbox_crm.deals, "
                + "sandbox_crm.contact_companies, sandbox_crm.contacts, "
                + "sandbox_crm.companies, sandbox_crm.owners restart identity"));
    }

    @Override
    protected CrmObjectId crmHoldsContactTypedAs(String rawEmail, String firstName, String lastName) {
        return new CrmObjectId(Long.toString(jdbi.withHandle(h -> h.createQuery("""
                        insert into sandbox_crm.contacts (email, firstname, lastname, createdate, lastmodifieddate)
                        values (:email, :first, :last, now(), now()) returning id""")
                .bind("email", rawEmail).bind("first", firstName).bind("last", lastName)
                .mapTo(Long.class).one())));
    }

    @Override
    protected CrmObjectId crmHoldsCompanyTypedAs(String rawDomain, String name) {
        return new CrmObjectId(Long.toString(jdbi.withHandle(h -> h.createQuery("""
                        insert into sandbox_crm.companies (name, domain, createdate, lastmodifieddate)
                        values (:name, :domain, now(), now()) returning id""")
                .bind("name", name).bind("domain", rawDomain)
                .mapTo(Long.class).one())));
    }

    @Override
    protected void crmHasOwner(String id, String email, String firstName, String lastName, boolean active) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into sandbox_crm.owners (id, email, first_name, last_name, archived)
                        values (:id, :email, :first, :last, :archived)""")
                .bind("id", id).bind("email", email).bind("first", firstName).bind("last", lastName)
                .bind("archived", !active).execute());
    }

    @Override
    protected Set<CrmObjectId> companiesLinkedTo(CrmObjectId contactId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select company_id from sandbox_crm.contact_companies where contact_id = :id")
                .bind("id", Long.parseLong(contactId.value()))
                .mapTo(Long.class).stream().map(id -> new CrmObjectId(Long.toString(id))).collect(Collectors.toSet()));
    }
}
