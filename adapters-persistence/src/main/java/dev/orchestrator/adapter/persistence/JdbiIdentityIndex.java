package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.IdentityCandidate;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.domain.dedupe.BlockingKey;
import dev.orchestrator.domain.dedupe.BlockingKeys;
import dev.orchestrator.domain.dedupe.CompanyName;
import dev.orchestrator.domain.dedupe.DomainKey;
import dev.orchestrator.domain.dedupe.MatchRecord;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * The identity index in PostgreSQL: {@code identity_keys} (key_type, key_value, record_id) rows and one
 * {@code identity_records} row of normalised match fields per record. A lookup is one statement: it counts each
 * probe key's holders (stopping at one past the limit, so a key held by thousands costs no more than a rare one),
 * ranks the holders of the usable keys and returns the best with their match fields.
 */
final class JdbiIdentityIndex implements IdentityIndex {
    // "held" is MATERIALIZED so each probe key's holders are counted once. Inlined, the planner (with stale row
    // estimates right after a burst of inserts) ran the count once per joined key row: 1.7 s instead of 1 ms.
    private static final String CANDIDATES = """
            with probe as (
                select t.key_type, t.key_value from unnest(:types::text[], :values::text[]) as t(key_type, key_value)
            ), held as materialized (
                select p.key_type, p.key_value, c.holders
                from probe p
                cross join lateral (
                    select count(*) as holders from (
                        select 1 from identity_keys k where k.key_type = p.key_type and k.key_value = p.key_value
                        limit :countLimit) first_holders) c
                where c.holders between 1 and :maxHolders
            ), ranked as (
                select k.record_id, round(sum(1.0 / h.holders), 9) as affinity,
                       array_agg(k.key_type) as shared_types, array_agg(k.key_value) as shared_values
                from held h
                join identity_keys k on k.key_type = h.key_type and k.key_value = h.key_value
                where k.person = :person and k.record_id <> :probeId
                group by k.record_id
                order by affinity desc, k.record_id collate "C"
                limit :maxCandidates
            )
            select r.*, ranked.affinity, ranked.shared_types, ranked.shared_values
            from ranked join identity_records r on r.record_id = ranked.record_id
            order by ranked.affinity desc, ranked.record_id collate "C"
            """;
    private static final String INSERT_RECORDS = """
            insert into identity_records (record_id, person, company_raw, company_tokens, company_compact,
                company_acronym, company_aliases, domains, domain_labels, emails, first_name, last_name, phones, city,
                country)
            """;
    private static final String RECORD_REPLACED = """
            on conflict (record_id) do update set person = excluded.person, company_raw = excluded.company_raw,
                company_tokens = excluded.company_tokens, company_compact = excluded.company_compact,
                company_acronym = excluded.company_acronym, company_aliases = excluded.company_aliases,
                domains = excluded.domains, domain_labels = excluded.domain_labels, emails = excluded.emails,
                first_name = excluded.first_name, last_name = excluded.last_name, phones = excluded.phones,
                city = excluded.city, country = excluded.country
            """;
    private static final String UPSERT_RECORD = INSERT_RECORDS + """
            values (:id, :person, :companyRaw, :tokens, :compact, :acronym, :aliases, :domains, :labels, :emails,
                :firstName, :lastName, :phones, :city, :country)
            """ + RECORD_REPLACED;

    /**
     * A record's keys replaced in one statement (first {@code %s}: which records' keys go; second: further writes
     * as CTEs). The old keys go first, forced by the count the insert waits for: the new keys are often the old
     * ones, and the primary key refuses them while the old rows stand (a CTE nothing reads runs only after the main
     * statement).
     */
    private static final String REPLACE_KEYS = """
            with gone as (delete from identity_keys where %s returning 1)%s
            insert into identity_keys (key_type, key_value, record_id, person)
            select t.* from unnest(:types::text[], :values::text[], :keyIds::text[], :persons::boolean[]) as t
            where (select count(*) from gone) >= 0""";

    /**
     * One record's, by its id as a plain value: PostgreSQL's generic plan for {@code record_id = any(:ids)} guesses
     * ten ids (130 rows, ten times the cost of the plan for one id), so it kept planning this statement afresh on
     * every call — a quarter of a millisecond a lead on a slow day (BENCHMARKS.md §2k); for {@code record_id = :id}
     * the generic plan costs what the custom one does and is kept.
     */
    private static final String REPLACE_KEYS_AND_RECORD = String.format(REPLACE_KEYS, "record_id = :id",
            ", record as (" + UPSERT_RECORD + ")");
    /**
     * Several records' keys and match fields in one statement, so inside a retryable transaction it waits with the
     * other writes. Each text[] field is the record's slice of one flat array ({@link Slices}); domains and their
     * labels share a slice.
     */
    private static final String REPLACE_KEYS_AND_RECORDS = String.format(REPLACE_KEYS, "record_id = any(:ids)",
            ", records as (" + INSERT_RECORDS + """
            select r.record_id, r.person, r.company_raw, a.tokens[r.tokens_first : r.tokens_last],
                r.company_compact, r.company_acronym, a.aliases[r.aliases_first : r.aliases_last],
                a.domains[r.domains_first : r.domains_last], a.labels[r.domains_first : r.domains_last],
                a.emails[r.emails_first : r.emails_last], r.first_name, r.last_name,
                a.phones[r.phones_first : r.phones_last], r.city, r.country
            from unnest(:ids::text[], :recordPersons::boolean[], :companyRaws::text[], :compacts::text[],
                    :acronyms::text[], :firstNames::text[], :lastNames::text[], :cities::text[],
                    :countries::text[], :tokensFirsts::int[], :tokensLasts::int[], :aliasesFirsts::int[],
                    :aliasesLasts::int[], :domainsFirsts::int[], :domainsLasts::int[], :emailsFirsts::int[],
                    :emailsLasts::int[], :phonesFirsts::int[], :phonesLasts::int[])
                as r(record_id, person, company_raw, company_compact, company_acronym, first_name, last_name, city,
                    country, tokens_first, tokens_last, aliases_first, aliases_last, domains_first, domains_last,
                    emails_first, emails_last, phones_first, phones_last),
                (select :tokens::text[] as tokens, :aliases::text[] as aliases, :domains::text[] as domains,
                    :labels::text[] as labels, :emails::text[] as emails, :phones::text[] as phones) a
            """ + RECORD_REPLACED + ")");

    private final HandleContext db;

    JdbiIdentityIndex(HandleContext db) {
        this.db = db;
    }

    @Override
    public void index(MatchRecord record) {
        indexAll(List.of(record));
    }

    @Override
    public void indexAll(List<MatchRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, MatchRecord> latest = new LinkedHashMap<>();
        for (MatchRecord r : records) {
            latest.remove(r.id());
            latest.put(r.id(), r);
        }
        KeyRows keys = KeyRows.of(latest.values());
        if (latest.size() == 1) {
            // A lead's own record, once per lead: keys and match fields in one statement, one round trip.
            MatchRecord only = latest.values().iterator().next();
            db.write(REPLACE_KEYS_AND_RECORD, update -> keys.bindKeys(bindRecord(update, only)));
            return;
        }
        List<MatchRecord> all = List.copyOf(latest.values());
        db.write(REPLACE_KEYS_AND_RECORDS, update -> bindRecords(keys.bind(update), all));
    }

    /** The records replaced ({@code ids}) and each of their blocking keys as a row: type, value, record, person. */
    private record KeyRows(String[] ids, String[] types, String[] values, String[] recordIds, Boolean[] persons) {
        static KeyRows of(Collection<MatchRecord> records) {
            List<String> types = new ArrayList<>();
            List<String> values = new ArrayList<>();
            List<String> recordIds = new ArrayList<>();
            List<Boolean> persons = new ArrayList<>();
            for (MatchRecord r : records) {
                for (BlockingKey key : BlockingKeys.of(r)) {
                    types.add(key.type().name());
                    values.add(Text.safe(key.value()));
                    recordIds.add(r.id());
                    persons.add(r.isPerson());
                }
            }
            return new KeyRows(records.stream().map(MatchRecord::id).toArray(String[]::new), texts(types),
                    texts(values), texts(recordIds), persons.toArray(Boolean[]::new));
        }

        /** The records' ids ({@code :ids}, whose keys go) and their keys. */
        Update bind(Update update) {
            return bindKeys(update.bindArray("ids", ids));
        }

        /** Their keys only, for a statement that names the one record whose keys go itself. */
        Update bindKeys(Update update) {
            return update.bindArray("types", types)
                    .bindArray("values", values)
                    .bindArray("keyIds", recordIds)
                    .bindArray("persons", persons);
        }
    }

    /** The records' match fields as arrays, one element a record; {@code :ids} is bound with the keys. */
    private static Update bindRecords(Update update, List<MatchRecord> records) {
        Slices tokens = new Slices(1);
        Slices aliases = new Slices(1);
        Slices domains = new Slices(2);
        Slices emails = new Slices(1);
        Slices phones = new Slices(1);
        for (MatchRecord r : records) {
            tokens.add(Arrays.asList(safeTexts(r.company().tokens())));
            aliases.add(Arrays.asList(safeTexts(r.company().aliases())));
            List<String> registrables = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (DomainKey d : r.domains()) {
                registrables.add(Text.safe(d.registrable()));
                labels.add(Text.safe(d.label()));
            }
            domains.add(registrables, labels);
            emails.add(Arrays.asList(safeTexts(r.emails())));
            phones.add(Arrays.asList(safeTexts(r.phones())));
        }
        update.bindArray("recordPersons", records.stream().map(MatchRecord::isPerson).toArray(Boolean[]::new))
                .bindArray("companyRaws", Slices.column(records, r -> Text.safe(r.company().raw())))
                .bindArray("compacts", Slices.column(records, r -> Text.safe(r.company().compact())))
                .bindArray("acronyms", Slices.column(records, r -> Text.safe(r.company().acronym())))
                .bindArray("firstNames", Slices.column(records, r -> r.firstName().map(Text::safe).orElse(null)))
                .bindArray("lastNames", Slices.column(records, r -> r.lastName().map(Text::safe).orElse(null)))
                .bindArray("cities", Slices.column(records, r -> r.city().map(Text::safe).orElse(null)))
                .bindArray("countries", Slices.column(records, r -> r.country().map(Text::safe).orElse(null)));
        tokens.bind(update, "tokensFirsts", "tokensLasts", "tokens");
        aliases.bind(update, "aliasesFirsts", "aliasesLasts", "aliases");
        domains.bind(update, "domainsFirsts", "domainsLasts", "domains", "labels");
        emails.bind(update, "emailsFirsts", "emailsLasts", "emails");
        return phones.bind(update, "phonesFirsts", "phonesLasts", "phones");
    }


    private static <S extends SqlStatement<S>> S bindRecord(S statement, MatchRecord r) {
        List<String> domains = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (DomainKey d : r.domains()) {
            domains.add(Text.safe(d.registrable()));
            labels.add(Text.safe(d.label()));
        }
        CompanyName company = r.company();
        return statement.bind("id", r.id())
                .bind("person", r.isPerson())
                .bind("companyRaw", Text.safe(company.raw()))
                .bindArray("tokens", safeTexts(company.tokens()))
                .bind("compact", Text.safe(company.compact()))
                .bind("acronym", Text.safe(company.acronym()))
                .bindArray("aliases", safeTexts(company.aliases()))
                .bindArray("domains", texts(domains))
                .bindArray("labels", texts(labels))
                .bindArray("emails", safeTexts(r.emails()))
                .bind("firstName", r.firstName().map(Text::safe).orElse(null))
                .bind("lastName", r.lastName().map(Text::safe).orElse(null))
                .bindArray("phones", safeTexts(r.phones()))
                .bind("city", r.city().map(Text::safe).orElse(null))
                .bind("country", r.country().map(Text::safe).orElse(null));
    }

    @Override
    public void remove(String recordId) {
        db.inTransaction(() -> {
            db.use(handle -> {
                handle.createUpdate("delete from identity_keys where record_id = :id").bind("id", recordId).execute();
                handle.createUpdate("delete from identity_records where record_id = :id").bind("id", recordId)
                        .execute();
            });
            return null;
        });
    }

    @Override
    public List<IdentityCandidate> candidates(MatchRecord probe, Kind kind) {
        Set<BlockingKey> keys = BlockingKeys.of(probe);
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> types = new ArrayList<>(keys.size());
        List<String> values = new ArrayList<>(keys.size());
        for (BlockingKey key : keys) {
            types.add(key.type().name());
            values.add(Text.safe(key.value()));
        }
        return db.with(handle -> handle.createQuery(CANDIDATES)
                .bindArray("types", texts(types))
                .bindArray("values", texts(values))
                .bind("countLimit", MAX_HOLDERS + 1)
                .bind("maxHolders", MAX_HOLDERS)
                .bind("maxCandidates", MAX_CANDIDATES)
                .bind("person", kind == Kind.PERSON)
                .bind("probeId", probe.id())
                .map((rs, ctx) -> candidate(rs))
                .list());
    }

    private static IdentityCandidate candidate(ResultSet rs) throws SQLException {
        List<String> domains = strings(rs.getArray("domains"));
        List<String> labels = strings(rs.getArray("domain_labels"));
        Set<DomainKey> domainKeys = new LinkedHashSet<>();
        for (int i = 0; i < domains.size(); i++) {
            domainKeys.add(new DomainKey(domains.get(i), labels.get(i)));
        }
        CompanyName company = new CompanyName(rs.getString("company_raw"), strings(rs.getArray("company_tokens")),
                rs.getString("company_compact"), rs.getString("company_acronym"),
                new LinkedHashSet<>(strings(rs.getArray("company_aliases"))));
        MatchRecord record = new MatchRecord(rs.getString("record_id"), company, domainKeys,
                new LinkedHashSet<>(strings(rs.getArray("emails"))), Optional.ofNullable(rs.getString("first_name")),
                Optional.ofNullable(rs.getString("last_name")), new LinkedHashSet<>(strings(rs.getArray("phones"))),
                Optional.ofNullable(rs.getString("city")), Optional.ofNullable(rs.getString("country")));
        List<String> sharedTypes = strings(rs.getArray("shared_types"));
        List<String> sharedValues = strings(rs.getArray("shared_values"));
        List<BlockingKey> shared = new ArrayList<>(sharedTypes.size());
        for (int i = 0; i < sharedTypes.size(); i++) {
            shared.add(new BlockingKey(BlockingKey.Type.valueOf(sharedTypes.get(i)), sharedValues.get(i)));
        }
        return new IdentityCandidate(record, rs.getDouble("affinity"), shared);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** Bound as a Java array: Jdbi binds it without building a generic type for a collection each time. */
    private static String[] texts(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    private static String[] safeTexts(Iterable<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(Text.safe(v));
        }
        return texts(out);
    }
}
