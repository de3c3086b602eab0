package dev.orchestrator.application.dedupe;

import dev.orchestrator.domain.shared.Require;
import java.util.List;
import java.util.Map;

/** One row of the batch contract; empty strings are unknown values, exactly as the CSV carries them. */
public record DedupeRecord(String recordId, String companyName, String domain, String website, String email,
                           String firstName, String lastName, String phone, String city, String country) {
    public static final List<String> COLUMNS = List.of("record_id", "company_name", "domain",
            "website", "email", "first_name", "last_name", "phone", "city", "country");

    public DedupeRecord {
        Require.notBlank("record_id", recordId);
        companyName = orEmpty(companyName);
        domain = orEmpty(domain);
        website = orEmpty(website);
        email = orEmpty(email);
        firstName = orEmpty(firstName);
        lastName = orEmpty(lastName);
        phone = orEmpty(phone);
        city = orEmpty(city);
        country = orEmpty(country);
    }

    /** Builds a record from a CSV row keyed by header; columns may come in any order or be absent. */
    public static DedupeRecord fromRow(Map<String, String> row) {
        return new DedupeRecord(row.get("record_id"), row.get("company_name"), row.get("domain"),
                row.get("website"), row.get("email"), row.get("first_name"), row.get("last_name"),
                row.get("phone"), row.get("city"), row.get("country"));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
