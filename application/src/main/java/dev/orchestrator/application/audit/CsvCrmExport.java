package dev.orchestrator.application.audit;

import dev.orchestrator.application.dedupe.Csv;
import dev.orchestrator.application.port.out.crm.CrmCompanyRecord;
import dev.orchestrator.application.port.out.crm.CrmContactRecord;
import dev.orchestrator.application.port.out.crm.CrmDealRecord;
import dev.orchestrator.application.port.out.crm.CrmOwnerRecord;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.port.out.crm.RecordPage;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A CRM export as CSV files (header row, columns in any order, HubSpot's or plain names), read as a
 * {@link CrmRecords} so the audit runs on it unchanged. Contacts and companies are required; owners
 * ({@code id,email,name,active}) and deals ({@code id,stage,closed_won,company_id,contact_ids} with ids split by
 * {@code ;}) are optional, and without owners no owner id can be told to be unknown or inactive.
 */
public final class CsvCrmExport implements CrmRecords {
    private final List<CrmContactRecord> contacts;
    private final List<CrmCompanyRecord> companies;
    private final List<CrmOwnerRecord> owners;
    private final List<CrmDealRecord> deals;

    public CsvCrmExport(Reader contacts, Reader companies, Optional<Reader> owners, Optional<Reader> deals) {
        this.contacts = rows(contacts, CsvCrmExport::contact);
        this.companies = rows(companies, CsvCrmExport::company);
        this.owners = owners.map(r -> rows(r, CsvCrmExport::owner)).orElse(List.of());
        this.deals = deals.map(r -> rows(r, CsvCrmExport::deal)).orElse(List.of());
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public RecordPage<CrmContactRecord> contacts(Optional<String> cursor, int limit) {
        return page(contacts, cursor, limit);
    }

    @Override
    public RecordPage<CrmCompanyRecord> companies(Optional<String> cursor, int limit) {
        return page(companies, cursor, limit);
    }

    @Override
    public RecordPage<CrmOwnerRecord> owners(Optional<String> cursor, int limit) {
        return page(owners, cursor, limit);
    }

    @Override
    public RecordPage<CrmDealRecord> deals(Optional<String> cursor, int limit) {
        return page(deals, cursor, limit);
    }

    /** The cursor is the row offset. */
    private static <T> RecordPage<T> page(List<T> all, Optional<String> cursor, int limit) {
        int from = cursor.map(Integer::parseInt).orElse(0);
        int to = Math.min(all.size(), from + limit);
        return new RecordPage<>(all.subList(from, to), to < all.size() ? Optional.of(Integer.toString(to))
                : Optional.empty());
    }

    private static <T> List<T> rows(Reader in, Function<Map<String, String>, T> mapper) {
        List<T> out = new ArrayList<>();
        for (Map<String, String> row : Csv.readWithHeader(in)) {
            out.add(mapper.apply(row));
        }
        return out;
    }

    private static CrmContactRecord contact(Map<String, String> r) {
        return new CrmContactRecord(get(r, "id", "record_id", "hs_object_id"), get(r, "email"),
                get(r, "first_name", "firstname"), get(r, "last_name", "lastname"), get(r, "phone"),
                get(r, "country"), get(r, "lifecycle_stage", "lifecyclestage"),
                get(r, "owner_id", "hubspot_owner_id"), get(r, "company_id", "associatedcompanyid"),
                get(r, "company", "company_name"));
    }

    private static CrmCompanyRecord company(Map<String, String> r) {
        return new CrmCompanyRecord(get(r, "id", "record_id", "hs_object_id"), get(r, "name", "company_name"),
                get(r, "domain"), get(r, "industry"), get(r, "country"), get(r, "owner_id", "hubspot_owner_id"));
    }

    private static CrmOwnerRecord owner(Map<String, String> r) {
        String active = get(r, "active").toLowerCase(Locale.ROOT);
        return new CrmOwnerRecord(get(r, "id"), get(r, "email"), get(r, "name"),
                !(active.equals("false") || active.equals("no") || active.equals("0")));
    }

    private static CrmDealRecord deal(Map<String, String> r) {
        String won = get(r, "closed_won").toLowerCase(Locale.ROOT);
        String ids = get(r, "contact_ids");
        return new CrmDealRecord(get(r, "id"), get(r, "stage", "dealstage"),
                won.equals("true") || won.equals("yes") || won.equals("1"), get(r, "company_id"),
                ids.isBlank() ? List.of() : Arrays.stream(ids.split(";")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList());
    }

    private static String get(Map<String, String> row, String... names) {
        for (String name : names) {
            String value = row.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }
}
