package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The sandbox CRM: contacts and companies in PostgreSQL tables of its own ({@code sandbox_crm} schema). It
 * behaves like a CRM where it matters to the pipeline: its own ids, a unique email, and updates that leave
 * absent fields as they were.
 */
final class SandboxCrmGateway implements CrmGateway {
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

    @Override
    public CrmObjectId createContact(ContactDraft draft) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            long id = jdbi.inTransaction(handle -> relaxed(handle).createQuery("""
                            insert into sandbox_crm.contacts (email, firstname, lastname, company, phone, lifecyclestage,
                                hubspot_owner_id, createdate, lastmodifieddate)
                            values (:email, :first, :last, :company, :phone, :stage, :owner, :now, :now)
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
        } catch (UnableToExecuteStatementException e) {
            if (e.getMessage() != null && e.getMessage().contains("contacts_email")) {
                throw new CrmFailure(CrmFailure.Kind.RETRYABLE,
                        "a contact with this email was created concurrently; search again", Optional.empty(), e);
            }
            throw e;
        }
    }

    @Override
    public void updateContact(CrmObjectId id, ContactDraft draft) {
        int updated = jdbi.inTransaction(handle -> relaxed(handle).createUpdate("""
                        update sandbox_crm.contacts set
                            firstname = coalesce(:first, firstname), lastname = coalesce(:last, lastname),
                            company = coalesce(:company, company), phone = coalesce(:phone, phone),
                            lifecyclestage = coalesce(:stage, lifecyclestage),
                            hubspot_owner_id = coalesce(:owner, hubspot_owner_id), lastmodifieddate = :now
                        where id = :id""")
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
    public CrmHealth health() {
        long contacts = jdbi.withHandle(handle -> handle.createQuery("select count(*) from sandbox_crm.contacts")
                .mapTo(Long.class).one());
        return new CrmHealth(name(), true, contacts + " contacts");
    }

    /** The sandbox stands in for a remote CRM: its writes need not wait for our disk, a retry redoes them. */
    private static org.jdbi.v3.core.Handle relaxed(org.jdbi.v3.core.Handle handle) {
        handle.execute("set local synchronous_commit = off");
        return handle;
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
