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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;
import java.util.UUID;

final class JdbiContactDirectory implements ContactDirectory {
    private static final String SELECT = "select *, array(select key from json_each_text(facts)) as fact_keys,"
            + " array(select value from json_each_text(facts)) as fact_values from contacts";
    private final HandleContext db;

    JdbiContactDirectory(HandleContext db) {
        this.db = db;
    }

    @Override
    public Optional<Contact> findByEmail(EmailAddress email) {
        return db.with(handle -> handle.createQuery(SELECT + " where email = :email")
                .bind("email", email.value())
                .map((rs, ctx) -> contact(rs))
                .findOne());
    }

    @Override
    public Optional<Contact> findById(UUID id) {
        return db.with(handle -> handle.createQuery(SELECT + " where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> contact(rs))
                .findOne());
    }

    @Override
    public void save(Contact contact) {
        db.write("""
                        insert into contacts (id, email, first_name, last_name, company, company_domain, phone, crm_id,
                            stage, owner_id, fit_score, behavior_score, facts, created_at, updated_at)
                        values (:id, :email, :first, :last, :company, :companyDomain, :phone, :crmId, :stage, :owner,
                            :fit, :behavior, json_object(:factKeys, :factValues), :createdAt, :updatedAt)
                        on conflict (id) do update set email = excluded.email, first_name = excluded.first_name,
                            last_name = excluded.last_name, company = excluded.company,
                            company_domain = excluded.company_domain, phone = excluded.phone, facts = excluded.facts,
                            crm_id = excluded.crm_id, stage = excluded.stage, owner_id = excluded.owner_id,
                            fit_score = excluded.fit_score, behavior_score = excluded.behavior_score,
                            updated_at = excluded.updated_at""",
                update -> update.bind("id", contact.id())
                        .bind("email", contact.email().value())
                        .bind("first", contact.name().first().map(Text::safe).orElse(null))
                        .bind("last", contact.name().last().map(Text::safe).orElse(null))
                        .bind("company", contact.company().map(Text::safe).orElse(null))
                        .bind("companyDomain", contact.companyDomain().orElse(null))
                        .bindArray("factKeys", String.class, List.copyOf(contact.facts().keySet()))
                        .bindArray("factValues", String.class,
                                contact.facts().values().stream().map(Text::safe).toList())
                        .bind("phone", contact.phone().orElse(null))
                        .bind("crmId", contact.crmId().map(CrmObjectId::value).orElse(null))
                        .bind("stage", contact.stage().key())
                        .bind("owner", contact.ownerId().orElse(null))
                        .bind("fit", contact.fitScore())
                        .bind("behavior", contact.behaviorScore())
                        .bind("createdAt", Timestamp.from(contact.createdAt()))
                        .bind("updatedAt", Timestamp.from(contact.updatedAt())));
    }

    @Override
    public List<Contact> dueForSweep(Set<LifecycleStage> stages, Instant notUpdatedSince, int limit) {
        return db.with(handle -> handle.createQuery(SELECT
                        + " where stage in (<stages>) and updated_at < :since order by updated_at limit :limit")
                .bindList("stages", stages.stream().map(LifecycleStage::key).toList())
                .bind("since", Timestamp.from(notUpdatedSince))
                .bind("limit", limit)
                .map((rs, ctx) -> contact(rs))
                .list());
    }

    @Override
    public Map<String, Integer> openLeadsByOwner() {
        return db.with(handle -> handle.createQuery("""
                        select owner_id, count(*)::int as open from contacts
                        where owner_id is not null and stage in ('lead', 'mql', 'sql') group by owner_id""")
                .reduceRows(new HashMap<String, Integer>(), (map, row) -> {
                    map.put(row.getColumn("owner_id", String.class), row.getColumn("open", Integer.class));
                    return map;
                }));
    }

    private static Contact contact(ResultSet rs) throws SQLException {
        String[] keys = JdbiEventStore.strings(rs.getArray("fact_keys"));
        String[] values = JdbiEventStore.strings(rs.getArray("fact_values"));
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            facts.put(keys[i], values[i]);
        }
        return new Contact(rs.getObject("id", UUID.class), new EmailAddress(rs.getString("email")),
                PersonName.of(rs.getString("first_name"), rs.getString("last_name")),
                Optional.ofNullable(rs.getString("company")), Optional.ofNullable(rs.getString("company_domain")),
                Optional.ofNullable(rs.getString("phone")),
                Optional.ofNullable(rs.getString("crm_id")).map(CrmObjectId::new),
                LifecycleStage.fromKey(rs.getString("stage")), Optional.ofNullable(rs.getString("owner_id")),
                rs.getInt("fit_score"), rs.getInt("behavior_score"), facts, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
