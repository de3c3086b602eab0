package dev.orchestrator.adapter.crm.salesforce;

import dev.orchestrator.adapter.crm.support.CompanyFieldMaps;
import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import java.util.EnumMap;
import java.util.HashMap;
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
        CompanyFieldMaps.requireOneToOne(fields, "account field map sends two fields to the same Salesforce field");
        CompanyFieldMaps.requireOneToOne(industryValues,
                "account field map sends two industries to the same picklist value");
        fields = CompanyFieldMaps.frozen(fields);
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
        return CompanyFieldMaps.fromSettings(defaults(), env, "SALESFORCE_ACCOUNT_FIELDS",
                SalesforceAccountFields::withField, "SALESFORCE_INDUSTRY_VALUES",
                SalesforceAccountFields::withIndustryValue);
    }

    public SalesforceAccountFields withField(CompanyProfileField field, String apiName) {
        return new SalesforceAccountFields(CompanyFieldMaps.remapped(fields, field, apiName), industryValues);
    }

    public SalesforceAccountFields withIndustryValue(String ourKey, String picklistValue) {
        return new SalesforceAccountFields(fields,
                CompanyFieldMaps.withIndustry(industryValues, ourKey, picklistValue));
    }

    Optional<String> field(CompanyProfileField field) {
        return Optional.ofNullable(fields.get(field));
    }

    String toOrg(CompanyProfileField field, String value) {
        return CompanyFieldMaps.toCrm(industryValues, field, value);
    }

    String fromOrg(CompanyProfileField field, String value) {
        return CompanyFieldMaps.fromCrm(industryValues, field, value);
    }
}
