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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    /** {@link #save}'s upsert for many contacts of distinct ids, bound as one array a column. */
    private static final String SAVE_ALL = """
            insert into contacts (id, email, first_name, last_name, company, company_domain, phone, crm_id,
                stage, owner_id, fit_score, behavior_score, facts, created_at, updated_at)
            select c.id, c.email, c.first_name, c.last_name, c.company, c.company_domain, c.phone, c.crm_id, c.stage,
                c.owner_id, c.fit_score, c.behavior_score, c.facts, c.created_at, c.updated_at
            from rows from (unnest(:ids::uuid[]), unnest(:emails::text[]), unnest(:firstNames::text[]),
                    unnest(:lastNames::text[]), unnest(:companies::text[]), unnest(:companyDomains::text[]),
                    unnest(:phones::text[]), unnest(:crmIds::text[]), unnest(:stages::text[]), unnest(:owners::text[]),
                    unnest(:fits::int[]), unnest(:behaviors::int[]), json_array_elements(:facts::json),
                    unnest(:createdAts::timestamptz[]), unnest(:updatedAts::timestamptz[]))
                as c(id, email, first_name, last_name, company, company_domain, phone, crm_id, stage, owner_id,
                    fit_score, behavior_score, facts, created_at, updated_at)
            on conflict (id) do update set email = excluded.email, first_name = excluded.first_name,
                last_name = excluded.last_name, company = excluded.company,
                company_domain = excluded.company_domain, phone = excluded.phone, facts = excluded.facts,
                crm_id = excluded.crm_id, stage = excluded.stage, owner_id = excluded.owner_id,
                fit_score = excluded.fit_score, behavior_score = excluded.behavior_score,
                updated_at = excluded.updated_at""";

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

    /**
     * Runs of contacts with distinct ids, each run one statement ({@link #SAVE_ALL}): a run in order is what saves
     * one by one would do, so the lifecycle trigger sees every stage and owner a repeated contact passed through
     * (the CRM was written with each; deduping to the last would drop one from the echo log and restart a stage
     * clock late), while an upsert can touch a row only once per statement.
     */
    @Override
    public void saveAll(List<Contact> contacts) {
        if (contacts.size() == 1) {
            save(contacts.get(0));
            return;
        }
        List<Contact> run = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (Contact contact : contacts) {
            if (!ids.add(contact.id())) {
                saveRun(run);
                run = new ArrayList<>();
                ids.clear();
                ids.add(contact.id());
            }
            run.add(contact);
        }
        if (!run.isEmpty()) {
            saveRun(run);
        }
    }

    private void saveRun(List<Contact> run) {
        db.write(SAVE_ALL, insert -> insert.bindArray("ids", Slices.column(run, c -> c.id().toString()))
                    .bindArray("emails", Slices.column(run, c -> c.email().value()))
                    .bindArray("firstNames", Slices.column(run, c -> c.name().first().map(Text::safe).orElse(null)))
                    .bindArray("lastNames", Slices.column(run, c -> c.name().last().map(Text::safe).orElse(null)))
                    .bindArray("companies", Slices.column(run, c -> c.company().map(Text::safe).orElse(null)))
                    .bindArray("companyDomains", Slices.column(run, c -> c.companyDomain().orElse(null)))
                    .bindArray("phones", Slices.column(run, c -> c.phone().orElse(null)))
                    .bindArray("crmIds", Slices.column(run, c -> c.crmId().map(CrmObjectId::value).orElse(null)))
                    .bindArray("stages", Slices.column(run, c -> c.stage().key()))
                    .bindArray("owners", Slices.column(run, c -> c.ownerId().orElse(null)))
                    .bindArray("fits", run.stream().map(Contact::fitScore).toArray(Integer[]::new))
                    .bindArray("behaviors", run.stream().map(Contact::behaviorScore).toArray(Integer[]::new))
                    .bind("facts", JsonObjects.array(run, Contact::facts))
                    .bindArray("createdAts", Slices.column(run, c -> Timestamps.text(c.createdAt())))
                    .bindArray("updatedAts", Slices.column(run, c -> Timestamps.text(c.updatedAt()))));
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
