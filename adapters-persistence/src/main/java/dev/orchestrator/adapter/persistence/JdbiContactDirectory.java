package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

final class JdbiContactDirectory implements ContactDirectory {
    private final HandleContext db;

    JdbiContactDirectory(HandleContext db) {
        this.db = db;
    }

    @Override
    public Optional<Contact> findByEmail(EmailAddress email) {
        return db.with(handle -> handle.createQuery("select * from contacts where email = :email")
                .bind("email", email.value())
                .map((rs, ctx) -> contact(rs))
                .findOne());
    }

    @Override
    public Optional<Contact> findById(UUID id) {
        return db.with(handle -> handle.createQuery("select * from contacts where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> contact(rs))
                .findOne());
    }

    @Override
    public void save(Contact contact) {
        db.use(handle -> handle.createUpdate("""
                        insert into contacts (id, email, first_name, last_name, company, phone, crm_id, stage, owner_id,
                            fit_score, behavior_score, created_at, updated_at)
                        values (:id, :email, :first, :last, :company, :phone, :crmId, :stage, :owner, :fit, :behavior,
                            :createdAt, :updatedAt)
                        on conflict (id) do update set email = excluded.email, first_name = excluded.first_name,
                            last_name = excluded.last_name, company = excluded.company, phone = excluded.phone,
                            crm_id = excluded.crm_id, stage = excluded.stage, owner_id = excluded.owner_id,
                            fit_score = excluded.fit_score, behavior_score = excluded.behavior_score,
                            updated_at = excluded.updated_at""")
                .bind("id", contact.id())
                .bind("email", contact.email().value())
                .bind("first", contact.name().first().map(Text::safe).orElse(null))
                .bind("last", contact.name().last().map(Text::safe).orElse(null))
                .bind("company", contact.company().map(Text::safe).orElse(null))
                .bind("phone", contact.phone().orElse(null))
                .bind("crmId", contact.crmId().map(CrmObjectId::value).orElse(null))
                .bind("stage", contact.stage().key())
                .bind("owner", contact.ownerId().orElse(null))
                .bind("fit", contact.fitScore())
                .bind("behavior", contact.behaviorScore())
                .bind("createdAt", Timestamp.from(contact.createdAt()))
                .bind("updatedAt", Timestamp.from(contact.updatedAt()))
                .execute());
    }

    private static Contact contact(ResultSet rs) throws SQLException {
        return new Contact(rs.getObject("id", UUID.class), new EmailAddress(rs.getString("email")),
                PersonName.of(rs.getString("first_name"), rs.getString("last_name")),
                Optional.ofNullable(rs.getString("company")), Optional.ofNullable(rs.getString("phone")),
                Optional.ofNullable(rs.getString("crm_id")).map(CrmObjectId::new),
                LifecycleStage.fromKey(rs.getString("stage")), Optional.ofNullable(rs.getString("owner_id")),
                rs.getInt("fit_score"), rs.getInt("behavior_score"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
