package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.application.port.out.crm.CompanyDraft;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmCompany;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import dev.orchestrator.application.port.out.crm.CrmOwner;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The sandbox CRM: contacts and companies in PostgreSQL tables of its own ({@code sandbox_crm} schema). It
 * behaves like a CRM where it matters to the pipeline: its own ids, a unique email, and updates that leave
 * absent fields as they were.
 */
final class SandboxCrmGateway implements CrmGateway {
    /**
     * Each write is one statement in its own transaction whose commit does not wait for the disk (the sandbox
     * stands in for a remote CRM; durability is the job's retry, as for any CRM call). {@code set_config(…, true)}
     * inside the statement does what {@code BEGIN; SET LOCAL …; …; COMMIT} did in one round trip instead of three.
     */
    private static final String RELAXED =
            "with relaxed as materialized (select set_config('synchronous_commit', 'off', true)) ";

    private final Jdbi jdbi;
    private final Clock clock;

    SandboxCrmGateway(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Optional<CrmContact> findContactByEmail(EmailAddress email) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select * from sandbox_crm.contacts where lower(email) = lower(:email)")
                .bind("email", email.value())
                .map((rs, ctx) -> contact(rs))
                .findOne());
    }

    /** Like a CRM upsert keyed by email: a retried create finds the first one and writes the draft onto it. */
    @Override
    public CrmObjectId createContact(ContactDraft draft) {
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbi.withHandle(handle -> handle.createQuery(RELAXED + """
                        insert into sandbox_crm.contacts (email, firstname, lastname, company, phone, lifecyclestage,
                            hubspot_owner_id, createdate, lastmodifieddate)
                        select :email, :first, :last, :company, :phone, :stage, :owner, :now, :now from relaxed
                        on conflict (lower(email)) do update set
                            firstname = coalesce(excluded.firstname, contacts.firstname),
                            lastname = coalesce(excluded.lastname, contacts.lastname),
                            company = coalesce(excluded.company, contacts.company),
                            phone = coalesce(excluded.phone, contacts.phone),
                            lifecyclestage = coalesce(excluded.lifecyclestage, contacts.lifecyclestage),
                            hubspot_owner_id = coalesce(excluded.hubspot_owner_id, contacts.hubspot_owner_id),
                            lastmodifieddate = excluded.lastmodifieddate
                        returning id""")
                .bind("email", draft.email().value())
                .bind("first", draft.name().first().orElse(null))
                .bind("last", draft.name().last().orElse(null))
                .bind("company", draft.company().orElse(null))
                .bind("phone", draft.phone().orElse(null))
                .bind("stage", draft.lifecycleStage().orElse(null))
                .bind("owner", draft.ownerId().orElse(null))
                .bind("now", now)
                .mapTo(Long.class)
                .one());
        return new CrmObjectId(Long.toString(id));
    }

    @Override
    public void updateContact(CrmObjectId id, ContactDraft draft) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate(RELAXED + """
                        update sandbox_crm.contacts set
                            firstname = coalesce(:first, firstname), lastname = coalesce(:last, lastname),
                            company = coalesce(:company, company), phone = coalesce(:phone, phone),
                            lifecyclestage = coalesce(:stage, lifecyclestage),
                            hubspot_owner_id = coalesce(:owner, hubspot_owner_id), lastmodifieddate = :now
                        from relaxed where id = :id""")
                .bind("id", parseId(id))
                .bind("first", draft.name().first().orElse(null))
                .bind("last", draft.name().last().orElse(null))
                .bind("company", draft.company().orElse(null))
                .bind("phone", draft.phone().orElse(null))
                .bind("stage", draft.lifecycleStage().orElse(null))
                .bind("owner", draft.ownerId().orElse(null))
                .bind("now", Timestamp.from(clock.instant()))
                .execute());
        if (updated == 0) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "sandbox CRM has no contact " + id);
        }
    }

    @Override
    public Optional<CrmCompany> findCompanyByDomain(String domain) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select id, domain, name from sandbox_crm.companies where lower(domain) = lower(:domain)")
                .bind("domain", domain.strip())
                .map((rs, ctx) -> new CrmCompany(new CrmObjectId(Long.toString(rs.getLong("id"))),
                        rs.getString("domain").toLowerCase(Locale.ROOT), Optional.ofNullable(rs.getString("name"))))
                .findOne());
    }

    @Override
    public CrmObjectId createCompany(CompanyDraft draft) {
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbi.withHandle(handle -> handle.createQuery(RELAXED + """
                        insert into sandbox_crm.companies (name, domain, createdate, lastmodifieddate)
                        select coalesce(:name, :domain), :domain, :now, :now from relaxed
                        on conflict (lower(domain)) where domain is not null do update set
                            name = coalesce(:name, companies.name), lastmodifieddate = excluded.lastmodifieddate
                        returning id""")
                .bind("name", draft.name().orElse(null))
                .bind("domain", draft.domain())
                .bind("now", now)
                .mapTo(Long.class)
                .one());
        return new CrmObjectId(Long.toString(id));
    }

    @Override
    public void updateCompany(CrmObjectId id, CompanyDraft draft) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate(RELAXED + """
                        update sandbox_crm.companies set name = coalesce(:name, name), domain = :domain,
                            lastmodifieddate = :now from relaxed where id = :id""")
                .bind("id", parseId(id))
                .bind("name", draft.name().orElse(null))
                .bind("domain", draft.domain())
                .bind("now", Timestamp.from(clock.instant()))
                .execute());
        if (updated == 0) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "sandbox CRM has no company " + id);
        }
    }

    @Override
    public void associateContactWithCompany(CrmObjectId contactId, CrmObjectId companyId) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(RELAXED + """
                            insert into sandbox_crm.contact_companies (contact_id, company_id)
                            select :contact, :company from relaxed
                            on conflict do nothing""")
                    .bind("contact", parseId(contactId))
                    .bind("company", parseId(companyId))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "sandbox CRM cannot associate contact " + contactId
                    + " with company " + companyId + ": one of them does not exist", Optional.empty(), e);
        }
    }

    @Override
    public List<CrmOwner> owners() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select id, email, first_name, last_name, archived from sandbox_crm.owners order by id")
                .map((rs, ctx) -> new CrmOwner(rs.getString("id"),
                        Optional.ofNullable(rs.getString("email")).map(EmailAddress::parse),
                        PersonName.of(rs.getString("first_name"), rs.getString("last_name")),
                        !rs.getBoolean("archived")))
                .list());
    }

    @Override
    public CrmHealth health() {
        long contacts = jdbi.withHandle(handle -> handle.createQuery("select count(*) from sandbox_crm.contacts")
                .mapTo(Long.class).one());
        return new CrmHealth(name(), true, contacts + " contacts");
    }

    /** Like a CRM's GDPR delete: the row, its notes and tasks and its company and deal links go; deleting what is gone changes nothing. */
    @Override
    public void forgetContact(CrmObjectId id) {
        long contact = parseId(id);
        jdbi.useTransaction(handle -> {
            handle.createUpdate("delete from sandbox_crm.engagements where contact_id = :id")
                    .bind("id", contact).execute();
            handle.createUpdate("delete from sandbox_crm.deal_contacts where contact_id = :id")
                    .bind("id", contact).execute();
            handle.createUpdate("delete from sandbox_crm.contact_companies where contact_id = :id")
                    .bind("id", contact).execute();
            handle.createUpdate("delete from sandbox_crm.contacts where id = :id").bind("id", contact).execute();
        });
    }

    private static long parseId(CrmObjectId id) {
        try {
            return Long.parseLong(id.value());
        } catch (NumberFormatException e) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "sandbox CRM ids are numeric, got " + id);
        }
    }

    private static CrmContact contact(ResultSet rs) throws SQLException {
        return new CrmContact(new CrmObjectId(Long.toString(rs.getLong("id"))),
                EmailAddress.parse(rs.getString("email")),
                PersonName.of(rs.getString("firstname"), rs.getString("lastname")),
                Optional.ofNullable(rs.getString("company")), Optional.ofNullable(rs.getString("phone")),
                Optional.ofNullable(rs.getString("lifecyclestage")),
                Optional.ofNullable(rs.getString("hubspot_owner_id")));
    }
}
