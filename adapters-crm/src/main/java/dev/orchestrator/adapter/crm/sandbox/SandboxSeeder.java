package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.application.port.out.crm.CrmOwner;
import dev.orchestrator.application.port.out.crm.SandboxCrmSeeder;
import dev.orchestrator.application.seed.SeedData;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Loads seeded data into the sandbox CRM's tables in one transaction, in batches. */
final class SandboxSeeder implements SandboxCrmSeeder {
    private final Jdbi jdbi;
    private final Clock clock;

    SandboxSeeder(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("""
                select not exists (select 1 from sandbox_crm.contacts) and not exists (select 1 from sandbox_crm.owners)""")
                .mapTo(Boolean.class).one());
    }

    @Override
    public Map<String, String> reload(SeedData data) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbi.inTransaction(h -> {
            h.execute("truncate sandbox_crm.engagements, sandbox_crm.deal_contacts, sandbox_crm.deals, "
                    + "sandbox_crm.contact_companies, sandbox_crm.contacts, sandbox_crm.companies, "
                    + "sandbox_crm.owners, sandbox_crm.merged_records restart identity");
            PreparedBatch owners = h.prepareBatch("""
                    insert into sandbox_crm.owners (id, email, first_name, last_name, archived)
                    values (:id, :email, :first, :last, :archived)""");
            for (CrmOwner owner : data.owners()) {
                owners.bind("id", owner.id()).bind("email", owner.email().map(Object::toString).orElse(""))
                        .bind("first", owner.name().first().orElse("")).bind("last", owner.name().last().orElse(""))
                        .bind("archived", !owner.active()).add();
            }
            owners.execute();
            PreparedBatch companies = h.prepareBatch("""
                    insert into sandbox_crm.companies (name, domain, industry, numberofemployees, country, createdate,
                        lastmodifieddate) values (:name, :domain, :industry, :employees, :country, :now, :now)""");
            for (SeedData.SeedCompany company : data.companies()) {
                companies.bind("name", company.name()).bind("domain", company.domain())
                        .bind("industry", company.industry().orElse(null))
                        .bind("employees", company.employees().orElse(null))
                        .bind("country", company.country().orElse(null)).bind("now", now).add();
            }
            companies.execute();
            Map<String, Long> companyIds = new HashMap<>();
            h.createQuery("select id, domain from sandbox_crm.companies")
                    .map((rs, ctx) -> Map.entry(rs.getString("domain"), rs.getLong("id")))
                    .forEach(entry -> companyIds.put(entry.getKey(), entry.getValue()));
            PreparedBatch contacts = h.prepareBatch("""
                    insert into sandbox_crm.contacts (email, firstname, lastname, company, phone, lifecyclestage,
                        hubspot_owner_id, company_id, createdate, lastmodifieddate)
                    values (:email, :first, :last, :company, :phone, :stage, :owner, :companyId, :now, :now)""");
            for (SeedData.SeedContact contact : data.contacts()) {
                contacts.bind("email", contact.email()).bind("first", contact.firstName())
                        .bind("last", contact.lastName()).bind("company", contact.companyDomain())
                        .bind("phone", contact.phone().orElse(null)).bind("stage", contact.lifecycleStage())
                        .bind("owner", contact.ownerId().orElse(null))
                        .bind("companyId", companyIds.get(contact.companyDomain())).bind("now", now).add();
            }
            contacts.execute();
            h.execute("""
                    insert into sandbox_crm.contact_companies (contact_id, company_id)
                    select id, company_id from sandbox_crm.contacts where company_id is not null""");
            insertDeals(h, data, companyIds, now);
            Map<String, String> ids = new HashMap<>();
            companyIds.forEach((domain, id) -> ids.put(domain, Long.toString(id)));
            return ids;
        });
    }

    /** Deals in id order of {@code data.deals()}, each linked to its company and contacts. */
    private static void insertDeals(org.jdbi.v3.core.Handle h, SeedData data, Map<String, Long> companyIds,
            Timestamp now) {
        if (data.deals().isEmpty()) {
            return;
        }
        Map<String, Long> contactIds = new HashMap<>();
        h.createQuery("select id, lower(email) as email from sandbox_crm.contacts")
                .map((rs, ctx) -> Map.entry(rs.getString("email"), rs.getLong("id")))
                .forEach(entry -> contactIds.put(entry.getKey(), entry.getValue()));
        PreparedBatch deals = h.prepareBatch("""
                insert into sandbox_crm.deals (dealname, amount, dealstage, closedate, hubspot_owner_id, company_id,
                    createdate, lastmodifieddate)
                values (:name, :amount, :stage, :closed, :owner, :companyId, :created, :now)""");
        for (SeedData.SeedDeal deal : data.deals()) {
            deals.bind("name", deal.name()).bind("amount", java.math.BigDecimal.valueOf(deal.amount()))
                    .bind("stage", deal.dealStage())
                    .bind("closed", deal.closedAt().map(Timestamp::from).orElse(null))
                    .bind("owner", deal.ownerId().orElse(null))
                    .bind("companyId", companyIds.get(deal.companyDomain()))
                    .bind("created", Timestamp.from(deal.createdAt())).bind("now", now).add();
        }
        deals.execute();
        List<Long> dealIds = h.createQuery("select id from sandbox_crm.deals order by id").mapTo(Long.class).list();
        PreparedBatch links = h.prepareBatch(
                "insert into sandbox_crm.deal_contacts (deal_id, contact_id) values (:deal, :contact)");
        for (int i = 0; i < data.deals().size(); i++) {
            for (String email : data.deals().get(i).contactEmails()) {
                Long contact = contactIds.get(email.toLowerCase(java.util.Locale.ROOT));
                if (contact != null) {
                    links.bind("deal", dealIds.get(i)).bind("contact", contact).add();
                }
            }
        }
        links.execute();
    }
}
