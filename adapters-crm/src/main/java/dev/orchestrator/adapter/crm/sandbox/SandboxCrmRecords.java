package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.application.port.out.crm.CrmCompanyRecord;
import dev.orchestrator.application.port.out.crm.CrmContactRecord;
import dev.orchestrator.application.port.out.crm.CrmDealRecord;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmOwnerRecord;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordPage;
import dev.orchestrator.application.port.out.crm.RecordType;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The sandbox CRM read page by page (keyset on the numeric id: the cursor is the last id of the page) and fixed
 * in place. Merging works like HubSpot's: the survivor keeps its values and takes the loser's where it has none,
 * links move over, the loser is deleted and its id is remembered in {@code merged_records}.
 */
final class SandboxCrmRecords implements CrmRecords, CrmRecordFixes {
    private static final Set<String> WON = Set.of("closedwon", "closed_won", "won");

    private final Jdbi jdbi;
    private final Clock clock;

    SandboxCrmRecords(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public RecordPage<CrmContactRecord> contacts(Optional<String> cursor, int limit) {
        List<CrmContactRecord> rows = jdbi.withHandle(h -> h.createQuery("""
                        select c.id, c.email, c.firstname, c.lastname, c.phone, c.country, c.lifecyclestage,
                            c.hubspot_owner_id, c.company,
                            coalesce(c.company_id, (select min(l.company_id) from sandbox_crm.contact_companies l
                                                    where l.contact_id = c.id)) as company_id
                        from sandbox_crm.contacts c where c.id > :after order by c.id limit :limit""")
                .bind("after", after(cursor)).bind("limit", limit + 1)
                .map((rs, ctx) -> new CrmContactRecord(Long.toString(rs.getLong("id")), rs.getString("email"),
                        rs.getString("firstname"), rs.getString("lastname"), rs.getString("phone"),
                        rs.getString("country"), rs.getString("lifecyclestage"), rs.getString("hubspot_owner_id"),
                        rs.getObject("company_id") == null ? "" : Long.toString(rs.getLong("company_id")),
                        rs.getString("company")))
                .list());
        return page(rows, limit, CrmContactRecord::id);
    }

    @Override
    public RecordPage<CrmCompanyRecord> companies(Optional<String> cursor, int limit) {
        List<CrmCompanyRecord> rows = jdbi.withHandle(h -> h.createQuery("""
                        select id, name, domain, industry, country, hubspot_owner_id from sandbox_crm.companies
                        where id > :after order by id limit :limit""")
                .bind("after", after(cursor)).bind("limit", limit + 1)
                .map((rs, ctx) -> new CrmCompanyRecord(Long.toString(rs.getLong("id")), rs.getString("name"),
                        rs.getString("domain"), rs.getString("industry"), rs.getString("country"),
                        rs.getString("hubspot_owner_id")))
                .list());
        return page(rows, limit, CrmCompanyRecord::id);
    }

    /** Owner ids are text in the sandbox, so their keyset is text order. */
    @Override
    public RecordPage<CrmOwnerRecord> owners(Optional<String> cursor, int limit) {
        List<CrmOwnerRecord> rows = jdbi.withHandle(h -> h.createQuery("""
                        select id, email, first_name, last_name, archived from sandbox_crm.owners
                        where id collate "C" > :after order by id collate "C" limit :limit""")
                .bind("after", cursor.orElse("")).bind("limit", limit + 1)
                .map((rs, ctx) -> new CrmOwnerRecord(rs.getString("id"), rs.getString("email"),
                        (rs.getString("first_name") + " " + rs.getString("last_name")).strip(),
                        !rs.getBoolean("archived")))
                .list());
        return page(rows, limit, CrmOwnerRecord::id);
    }

    @Override
    public RecordPage<CrmDealRecord> deals(Optional<String> cursor, int limit) {
        List<CrmDealRecord> rows = jdbi.withHandle(h -> h.createQuery("""
                        select d.id, d.dealstage, d.company_id,
                            (select string_agg(dc.contact_id::text, ',' order by dc.contact_id)
                             from sandbox_crm.deal_contacts dc where dc.deal_id = d.id) as contact_ids
                        from sandbox_crm.deals d where d.id > :after order by d.id limit :limit""")
                .bind("after", after(cursor)).bind("limit", limit + 1)
                .map((rs, ctx) -> {
                    String stage = rs.getString("dealstage");
                    String contacts = rs.getString("contact_ids");
                    return new CrmDealRecord(Long.toString(rs.getLong("id")), stage,
                            WON.contains(stage.toLowerCase(java.util.Locale.ROOT)),
                            rs.getObject("company_id") == null ? "" : Long.toString(rs.getLong("company_id")),
                            contacts == null ? List.of() : Arrays.asList(contacts.split(",")));
                })
                .list());
        return page(rows, limit, CrmDealRecord::id);
    }

    private static <T> RecordPage<T> page(List<T> rows, int limit, java.util.function.Function<T, String> id) {
        if (rows.size() <= limit) {
            return new RecordPage<>(rows, Optional.empty());
        }
        List<T> page = rows.subList(0, limit);
        return new RecordPage<>(page, Optional.of(id.apply(page.get(limit - 1))));
    }

    private static long after(Optional<String> cursor) {
        try {
            return cursor.map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "sandbox CRM cursors are record ids, got " + cursor.get());
        }
    }

    // ---- fixes

    private static String table(RecordType type) {
        return type == RecordType.CONTACT ? "sandbox_crm.contacts" : "sandbox_crm.companies";
    }

    private static String column(RecordType type, RecordField field) {
        return switch (field) {
            case PHONE -> type == RecordType.CONTACT ? "phone" : unsupported(type, field);
            case EMAIL -> type == RecordType.CONTACT ? "email" : unsupported(type, field);
            case COUNTRY -> "country";
            case INDUSTRY -> type == RecordType.COMPANY ? "industry" : unsupported(type, field);
            case OWNER -> "hubspot_owner_id";
        };
    }

    private static String unsupported(RecordType type, RecordField field) {
        throw new CrmFailure(CrmFailure.Kind.REVIEW, "the sandbox CRM's " + type.key() + " has no " + field.key());
    }

    @Override
    public Map<RecordField, String> read(RecordType type, String id, Set<RecordField> fields) {
        long key = id(id);
        return jdbi.withHandle(h -> {
            Map<RecordField, String> values = new EnumMap<>(RecordField.class);
            for (RecordField field : fields) {
                Optional<String> value = h.createQuery("select " + column(type, field) + " as v from " + table(type)
                                + " where id = :id")
                        .bind("id", key).map((rs, ctx) -> Optional.ofNullable(rs.getString("v")).orElse(""))
                        .findOne();
                if (value.isEmpty()) {
                    throw missing(h, type, key);
                }
                values.put(field, value.get());
            }
            return values;
        });
    }

    @Override
    public void write(RecordType type, String id, Map<RecordField, String> values) {
        long key = id(id);
        jdbi.useTransaction(h -> {
            for (Map.Entry<RecordField, String> e : values.entrySet()) {
                int updated = h.createUpdate("update " + table(type) + " set " + column(type, e.getKey())
                                + " = :v, lastmodifieddate = :now where id = :id")
                        .bind("v", e.getValue().isEmpty() ? null : e.getValue())
                        .bind("now", Timestamp.from(clock.instant())).bind("id", key).execute();
                if (updated == 0) {
                    throw missing(h, type, key);
                }
            }
        });
    }

    @Override
    public boolean merge(RecordType type, String winnerId, String loserId) {
        long winner = id(winnerId);
        long loser = id(loserId);
        if (winner == loser) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "cannot merge " + type.key() + " " + winner + " into itself");
        }
        return jdbi.inTransaction(h -> {
            Optional<Long> mergedInto = h.createQuery("""
                            select into_id from sandbox_crm.merged_records where object_type = :type and merged_id = :id""")
                    .bind("type", type.key()).bind("id", loser).mapTo(Long.class).findOne();
            if (mergedInto.isPresent() && mergedInto.get() == winner) {
                return false;
            }
            boolean present = h.createQuery("select count(*) from " + table(type) + " where id in (:a, :b)")
                    .bind("a", winner).bind("b", loser).mapTo(Integer.class).one() == 2;
            if (!present) {
                throw missing(h, type, h.createQuery("select count(*) from " + table(type) + " where id = :id")
                        .bind("id", winner).mapTo(Integer.class).one() == 0 ? winner : loser);
            }
            if (type == RecordType.CONTACT) {
                mergeContacts(h, winner, loser);
            } else {
                mergeCompanies(h, winner, loser);
            }
            h.createUpdate("""
                            update sandbox_crm.merged_records set into_id = :winner
                            where object_type = :type and into_id = :loser""")
                    .bind("type", type.key()).bind("winner", winner).bind("loser", loser).execute();
            h.createUpdate("""
                            insert into sandbox_crm.merged_records (object_type, merged_id, into_id, merged_at)
                            values (:type, :loser, :winner, :now)""")
                    .bind("type", type.key()).bind("winner", winner).bind("loser", loser)
                    .bind("now", Timestamp.from(clock.instant())).execute();
            return true;
        });
    }

    private void mergeContacts(Handle h, long winner, long loser) {
        h.createUpdate("""
                        update sandbox_crm.contacts w set
                            firstname = coalesce(w.firstname, l.firstname), lastname = coalesce(w.lastname, l.lastname),
                            company = coalesce(w.company, l.company), phone = coalesce(w.phone, l.phone),
                            country = coalesce(w.country, l.country),
                            lifecyclestage = coalesce(w.lifecyclestage, l.lifecyclestage),
                            hubspot_owner_id = coalesce(w.hubspot_owner_id, l.hubspot_owner_id),
                            company_id = coalesce(w.company_id, l.company_id), lastmodifieddate = :now
                        from sandbox_crm.contacts l where w.id = :winner and l.id = :loser""")
                .bind("winner", winner).bind("loser", loser).bind("now", Timestamp.from(clock.instant())).execute();
        h.createUpdate("""
                        insert into sandbox_crm.contact_companies (contact_id, company_id)
                        select :winner, company_id from sandbox_crm.contact_companies where contact_id = :loser
                        on conflict do nothing""").bind("winner", winner).bind("loser", loser).execute();
        h.createUpdate("delete from sandbox_crm.contact_companies where contact_id = :loser")
                .bind("loser", loser).execute();
        h.createUpdate("""
                        insert into sandbox_crm.deal_contacts (deal_id, contact_id)
                        select deal_id, :winner from sandbox_crm.deal_contacts where contact_id = :loser
                        on conflict do nothing""").bind("winner", winner).bind("loser", loser).execute();
        h.createUpdate("delete from sandbox_crm.deal_contacts where contact_id = :loser").bind("loser", loser).execute();
        h.createUpdate("update sandbox_crm.engagements set contact_id = :winner where contact_id = :loser")
                .bind("winner", winner).bind("loser", loser).execute();
        h.createUpdate("delete from sandbox_crm.contacts where id = :loser").bind("loser", loser).execute();
    }

    private void mergeCompanies(Handle h, long winner, long loser) {
        List<Object> loserValues = new ArrayList<>(h.createQuery(
                        "select name, domain, industry, numberofemployees, country, state, hubspot_owner_id "
                                + "from sandbox_crm.companies where id = :id")
                .bind("id", loser).map((rs, ctx) -> Arrays.<Object>asList(rs.getString("name"), rs.getString("domain"),
                        rs.getString("industry"), rs.getObject("numberofemployees"), rs.getString("country"),
                        rs.getString("state"), rs.getString("hubspot_owner_id"))).one());
        h.createUpdate("update sandbox_crm.contacts set company_id = :winner where company_id = :loser")
                .bind("winner", winner).bind("loser", loser).execute();
        h.createUpdate("""
                        insert into sandbox_crm.contact_companies (contact_id, company_id)
                        select contact_id, :winner from sandbox_crm.contact_companies where company_id = :loser
                        on conflict do nothing""").bind("winner", winner).bind("loser", loser).execute();
        h.createUpdate("delete from sandbox_crm.contact_companies where company_id = :loser")
                .bind("loser", loser).execute();
        h.createUpdate("update sandbox_crm.deals set company_id = :winner where company_id = :loser")
                .bind("winner", winner).bind("loser", loser).execute();
        // the loser goes before its domain is taken over: the domain is unique
        h.createUpdate("delete from sandbox_crm.companies where id = :loser").bind("loser", loser).execute();
        h.createUpdate("""
                        update sandbox_crm.companies set domain = coalesce(domain, :domain),
                            industry = coalesce(industry, :industry),
                            numberofemployees = coalesce(numberofemployees, :employees),
                            country = coalesce(country, :country), state = coalesce(state, :state),
                            hubspot_owner_id = coalesce(hubspot_owner_id, :owner), lastmodifieddate = :now
                        where id = :winner""")
                .bind("domain", (String) loserValues.get(1)).bind("industry", (String) loserValues.get(2))
                .bind("employees", (Integer) loserValues.get(3)).bind("country", (String) loserValues.get(4))
                .bind("state", (String) loserValues.get(5)).bind("owner", (String) loserValues.get(6))
                .bind("now", Timestamp.from(clock.instant())).bind("winner", winner).execute();
    }

    private static CrmFailure missing(Handle h, RecordType type, long id) {
        Optional<Long> into = h.createQuery("""
                        select into_id from sandbox_crm.merged_records where object_type = :type and merged_id = :id""")
                .bind("type", type.key()).bind("id", id).mapTo(Long.class).findOne();
        return new CrmFailure(CrmFailure.Kind.REVIEW, "sandbox CRM has no " + type.key() + " " + id
                + into.map(winner -> " (merged into " + winner + ")").orElse(""));
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "sandbox CRM ids are numeric, got " + id);
        }
    }
}
