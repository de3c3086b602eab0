package dev.orchestrator.adapter.crm.salesforce;

import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Account field (API name) holds each firmographic field, and the org's {@code Industry} picklist value for
 * each of our industry keys. Salesforce has no standard revenue-range or funding-stage field ({@code AnnualRevenue}
 * is a currency), so those two are written only when a custom field is named for them; an industry without a
 * picklist entry is sent as our key.
 */
public record SalesforceAccountFields(Map<CompanyProfileField, String> fields, Map<String, String> industryValues) {

    public SalesforceAccountFields {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(industryValues, "industryValues");
        if (fields.values().stream().anyMatch(f -> f == null || !f.matches("[A-Za-z][A-Za-z0-9_]*"))) {
            // the names go into SOQL: an API name is letters, digits and underscores only
            throw new IllegalArgumentException("account field map names an invalid Salesforce field: " + fields);
        }
        if (fields.values().stream().distinct().count() != fields.size()) {
            throw new IllegalArgumentException("account field map sends two fields to the same Salesforce field");
        }
        if (industryValues.values().stream().distinct().count() != industryValues.size()) {
            throw new IllegalArgumentException("account field map sends two industries to the same picklist value");
        }
        fields = fields.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(fields));
        industryValues = Map.copyOf(industryValues);
    }

    /** Standard Account fields and the standard {@code Industry} picklist values closest to our taxonomy. */
    public static SalesforceAccountFields defaults() {
        Map<CompanyProfileField, String> fields = new EnumMap<>(CompanyProfileField.class);
        fields.put(CompanyProfileField.INDUSTRY, "Industry");
        fields.put(CompanyProfileField.EMPLOYEES, "NumberOfEmployees");
        fields.put(CompanyProfileField.COUNTRY, "BillingCountry");
        fields.put(CompanyProfileField.STATE, "BillingState");
        Map<String, String> values = new HashMap<>();
        values.put("software", "Technology");
        values.put("financial_services", "Finance");
        values.put("healthcare", "Healthcare");
        values.put("retail", "Retail");
        values.put("education", "Education");
        values.put("manufacturing", "Manufacturing");
        values.put("professional_services", "Consulting");
        values.put("media", "Media");
        values.put("telecommunications", "Telecommunications");
        values.put("energy", "Energy");
        values.put("transportation", "Transportation");
        values.put("construction", "Construction");
        values.put("hospitality", "Hospitality");
        values.put("government", "Government");
        values.put("nonprofit", "Not For Profit");
        values.put("agriculture", "Agriculture");
        values.put("other", "Other");
        return new SalesforceAccountFields(fields, values);
    }

    /**
     * The defaults, changed by {@code SALESFORCE_ACCOUNT_FIELDS} ({@code field=ApiName,...}, e.g.
     * {@code revenue_range=Revenue_Range__c}; an empty name unmaps the field) and {@code SALESFORCE_INDUSTRY_VALUES}
     * ({@code ourKey=Picklist value,...}).
     */
    public static SalesforceAccountFields fromEnvironment(Map<String, String> env) {
        SalesforceAccountFields result = defaults();
        for (Map.Entry<String, String> pair : pairs(env.get("SALESFORCE_ACCOUNT_FIELDS")).entrySet()) {
            CompanyProfileField field;
            try {
                field = CompanyProfileField.valueOf(pair.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SALESFORCE_ACCOUNT_FIELDS: unknown field " + pair.getKey());
            }
            result = result.withField(field, pair.getValue());
        }
        for (Map.Entry<String, String> pair : pairs(env.get("SALESFORCE_INDUSTRY_VALUES")).entrySet()) {
            result = result.withIndustryValue(pair.getKey(), pair.getValue());
        }
        return result;
    }

    public SalesforceAccountFields withField(CompanyProfileField field, String apiName) {
        Map<CompanyProfileField, String> changed = new EnumMap<>(CompanyProfileField.class);
        changed.putAll(fields);
        if (apiName == null || apiName.isBlank()) {
            changed.remove(field);
        } else {
            changed.put(field, apiName.strip());
        }
        return new SalesforceAccountFields(changed, industryValues);
    }

    public SalesforceAccountFields withIndustryValue(String ourKey, String picklistValue) {
        Map<String, String> values = new HashMap<>(industryValues);
        values.put(ourKey, picklistValue);
        return new SalesforceAccountFields(fields, values);
    }

    Optional<String> field(CompanyProfileField field) {
        return Optional.ofNullable(fields.get(field));
    }

    String toOrg(CompanyProfileField field, String value) {
        return field == CompanyProfileField.INDUSTRY ? industryValues.getOrDefault(value, value) : value;
    }

    String fromOrg(CompanyProfileField field, String value) {
        if (field != CompanyProfileField.INDUSTRY) {
            return value;
        }
        return industryValues.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey)
                .findFirst().orElse(value);
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, got '" + part.strip() + "'");
            }
            pairs.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return pairs;
    }
}
