package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.adapter.crm.CrmWritesContract;
import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;

/** Deals, notes, tasks and batch upserts, met by the sandbox CRM on PostgreSQL. */
class SandboxCrmWritesContractTest extends CrmWritesContract {
    private static CrmGateway gateway;
    private static CrmDeals deals;
    private static CrmEngagements engagements;
    private static CrmContactBatches batches;
    private static Jdbi jdbi;

    @BeforeAll
    static void createCrm() {
        DataSource dataSource = TestDatabase.fresh();
        MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
        gateway = SandboxCrmAdapter.create(dataSource, clock);
        deals = SandboxCrmAdapter.deals(dataSource, clock);
        engagements = SandboxCrmAdapter.engagements(dataSource, clock);
        batches = SandboxCrmAdapter.contactBatches(dataSource, clock);
        jdbi = Jdbi.create(dataSource);
    }

    @Override
    protected CrmGateway gateway() {
        return gateway;
    }

    @Override
    protected CrmDeals deals() {
        return deals;
    }

    @Override
    protected CrmEngagements engagements() {
        return engagements;
    }

    @Override
    protected CrmContactBatches batches() {
        return batches;
    }

    @Override
    protected void resetCrm() {
        jdbi.useHandle(h -> h.execute("truncate sandbox_crm.engagements, sandbox_crm.deal_contacts, sandbox_crm.deals, "
                + "sandbox_crm.contact_companies, sandbox_crm.contacts, "
                + "sandbox_crm.companies, sandbox_crm.owners restart identity"));
    }

    @Override
    protected String pipeline() {
        return "default";
    }

    @Override
    protected String otherPipeline() {
        return "renewals";
    }

    @Override
    protected String firstStage() {
        return "appointmentscheduled";
    }

    @Override
    protected String laterStage() {
        return "qualifiedtobuy";
    }

    @Override
    protected void crmWinsDeal(CrmObjectId dealId) {
        jdbi.useHandle(h -> h.createUpdate("update sandbox_crm.deals set dealstage = 'closedwon' where id = :id")
                .bind("id", Long.parseLong(dealId.value())).execute());
    }

    @Override
    protected int dealCount() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from sandbox_crm.deals").mapTo(Integer.class).one());
    }

    @Override
    protected String stageOf(CrmObjectId dealId) {
        return jdbi.withHandle(h -> h.createQuery("select dealstage from sandbox_crm.deals where id = :id")
                .bind("id", Long.parseLong(dealId.value())).mapTo(String.class).one());
    }

    @Override
    protected Set<CrmObjectId> contactsOfDeal(CrmObjectId dealId) {
        return jdbi.withHandle(h -> h.createQuery("select contact_id from sandbox_crm.deal_contacts where deal_id = :id")
                .bind("id", Long.parseLong(dealId.value())).mapTo(Long.class).stream()
                .map(id -> new CrmObjectId(Long.toString(id))).collect(Collectors.toSet()));
    }

    @Override
    protected Set<CrmObjectId> companiesOfDeal(CrmObjectId dealId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select company_id from sandbox_crm.deals where id = :id and company_id is not null")
                .bind("id", Long.parseLong(dealId.value())).mapTo(Long.class).stream()
                .map(id -> new CrmObjectId(Long.toString(id))).collect(Collectors.toSet()));
    }

    @Override
    protected List<String> engagementsOn(CrmObjectId contactId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select kind || ': ' || coalesce(subject, body) from sandbox_crm.engagements
                        where contact_id = :id order by id""")
                .bind("id", Long.parseLong(contactId.value())).mapTo(String.class).list());
    }

    @Override
    protected CrmObjectId missingContactId() {
        return new CrmObjectId("987654");
    }
}
