package dev.orchestrator.adapter.crm.sandbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A sandbox CRM with one injected problem of every kind the audit knows, beside clean records, each problem on a
 * record of its own so a test can name the record it expects to be flagged. Companies are named
 * {@code company:<name>} in {@link #id}; contacts by their name.
 */
final class ProblemCrm {
    static final Timestamp CREATED = Timestamp.from(Instant.parse("2026-01-05T10:15:30Z"));
    private final Map<String, String> ids = new LinkedHashMap<>();

    static ProblemCrm inject(Jdbi jdbi) {
        ProblemCrm crm = new ProblemCrm();
        jdbi.useTransaction(crm::fill);
        return crm;
    }

    String id(String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no fixture record " + name);
        }
        return id;
    }

    private void fill(Handle h) {
        h.execute("insert into sandbox_crm.owners (id, email, first_name, last_name, archived) values "
                + "('o1', 'ann@sales.example', 'Ann', 'Active', false), "
                + "('o2', 'ben@sales.example', 'Ben', 'Busy', false), "
                + "('o3', 'gone@sales.example', 'Gail', 'Gone', true)");
        company(h, "acme", "Acme Corporation", "acme.com", "software", "US", "o1");
        company(h, "acme-uk", "ACME Corp", "acme.co.uk", null, "GB", "o1");
        company(h, "no-domain", "Globex Unlimited", null, "manufacturing", "US", "o2");
        company(h, "odd-industry", "Initech", "initech.com", "Computer Software", "Germany", "o2");
        company(h, "inactive-owner", "Umbrella Health", "umbrella-health.com", "healthcare", "US", "o3");
        company(h, "clean", "Hooli", "hooli.com", "software", "US", "o1");

        contact(h, "customer", "jane@acme.com", "Jane", "Doe", "+14155550101", "US", "customer", "o1", "acme");
        contact(h, "duplicate", "jane.doe@acme.com", "Jane", "Doe", "+14155550101", "US", "lead", null, "acme");
        contact(h, "free-mail", "bob.smith@gmail.com", "Bob", "Smith", null, "US", "lead", "o1", "clean");
        contact(h, "invalid-email", "carol at hooli", "Carol", "Jones", null, "US", "lead", "o1", "clean");
        contact(h, "bad-phone", "dan@hooli.com", "Dan", "Brown", "12", "US", "lead", "o1", "clean");
        contact(h, "loose-phone", "erin@hooli.com", "Erin", "White", "(650) 253-0000", "US", "lead", "o2", "clean");
        contact(h, "odd-country", "frank@hooli.com", "Frank", "Green", null, "Deutschland", "lead", "o2", "clean");
        contact(h, "no-company", "gina@hooli.com", "Gina", "Black", null, "US", "lead", "o1", null);
        contact(h, "no-owner", "hank@hooli.com", "Hank", "Gray", null, "US", "lead", null, "clean");
        contact(h, "inactive-owner", "ivy@hooli.com", "Ivy", "Blue", null, "US", "lead", "o3", "clean");
        contact(h, "stage-anomaly", "jack@hooli.com", "Jack", "Red", null, "US", "customer", "o2", "clean");
        contact(h, "clean", "kim@initech.com", "Kim", "Stone", "+4930123456", "DE", "lead", "o2", "odd-industry");

        long deal = h.createQuery("""
                        insert into sandbox_crm.deals (dealname, amount, dealstage, company_id, createdate, lastmodifieddate)
                        values ('Acme renewal', 12000, 'closedwon', :company, :at, :at) returning id""")
                .bind("company", Long.parseLong(id("company:acme"))).bind("at", CREATED)
                .mapTo(Long.class).one();
        h.createUpdate("insert into sandbox_crm.deal_contacts (deal_id, contact_id) values (:deal, :contact)")
                .bind("deal", deal).bind("contact", Long.parseLong(id("customer"))).execute();
    }

    private void company(Handle h, String name, String companyName, String domain, String industry, String country,
            String owner) {
        long id = h.createQuery("""
                        insert into sandbox_crm.companies (name, domain, industry, country, hubspot_owner_id, createdate,
                            lastmodifieddate) values (:name, :domain, :industry, :country, :owner, :at, :at) returning id""")
                .bind("name", companyName).bind("domain", domain).bind("industry", industry).bind("country", country)
                .bind("owner", owner).bind("at", CREATED).mapTo(Long.class).one();
        ids.put("company:" + name, Long.toString(id));
    }

    private void contact(Handle h, String name, String email, String first, String last, String phone,
            String country, String stage, String owner, String company) {
        Long companyId = company == null ? null : Long.parseLong(id("company:" + company));
        long id = h.createQuery("""
                        insert into sandbox_crm.contacts (email, firstname, lastname, company, phone, country,
                            lifecyclestage, hubspot_owner_id, company_id, createdate, lastmodifieddate)
                        values (:email, :first, :last, :companyName, :phone, :country, :stage, :owner, :companyId,
                            :at, :at) returning id""")
                .bind("email", email).bind("first", first).bind("last", last)
                .bind("companyName", company == null ? null : company).bind("phone", phone)
                .bind("country", country).bind("stage", stage).bind("owner", owner).bind("companyId", companyId)
                .bind("at", CREATED).mapTo(Long.class).one();
        if (companyId != null) {
            h.createUpdate("insert into sandbox_crm.contact_companies (contact_id, company_id) values (:c, :co)")
                    .bind("c", id).bind("co", companyId).execute();
        }
        ids.put(name, Long.toString(id));
    }
}
