package dev.orchestrator.adapter.crm.hubspot;

import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which company property of the portal holds each firmographic field (internal names, not labels), and the
 * portal's internal {@code industry} option for each of our industry keys. HubSpot has no default property for a
 * revenue range (its {@code annualrevenue} is a number) or a funding stage, so those two are written only when a
 * custom property is named for them; an industry without an option entry is sent as our key, so a portal that
 * lacks it answers with an invalid-option error naming the property.
 */
public record HubSpotCompanyFields(Map<CompanyProfileField, String> properties, Map<String, String> industryOptions) {

    public HubSpotCompanyFields {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(industryOptions, "industryOptions");
        if (properties.values().stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("company field map names a blank HubSpot property");
        }
        if (properties.values().stream().distinct().count() != properties.size()) {
            throw new IllegalArgumentException("company field map sends two fields to the same HubSpot property");
        }
        if (industryOptions.values().stream().distinct().count() != industryOptions.size()) {
            // reading a company back must give one industry per portal option
            throw new IllegalArgumentException("company field map sends two industries to the same portal option");
        }
        properties = properties.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(properties));
        industryOptions = Map.copyOf(industryOptions);
    }

    /** HubSpot's default company properties and the default {@code industry} options closest to our taxonomy. */
    public static HubSpotCompanyFields defaults() {
        Map<CompanyProfileField, String> properties = new EnumMap<>(CompanyProfileField.class);
        properties.put(CompanyProfileField.INDUSTRY, "industry");
        properties.put(CompanyProfileField.EMPLOYEES, "numberofemployees");
        properties.put(CompanyProfileField.COUNTRY, "country");
        properties.put(CompanyProfileField.STATE, "state");
        Map<String, String> options = new HashMap<>();
        options.put("software", "COMPUTER_SOFTWARE");
        options.put("it_services", "INFORMATION_TECHNOLOGY_AND_SERVICES");
        options.put("financial_services", "FINANCIAL_SERVICES");
        options.put("healthcare", "HOSPITAL_HEALTH_CARE");
        options.put("retail", "RETAIL");
        options.put("education", "EDUCATION_MANAGEMENT");
        options.put("professional_services", "MANAGEMENT_CONSULTING");
        options.put("telecommunications", "TELECOMMUNICATIONS");
        options.put("real_estate", "REAL_ESTATE");
        options.put("construction", "CONSTRUCTION");
        options.put("hospitality", "HOSPITALITY");
        options.put("government", "GOVERNMENT_ADMINISTRATION");
        options.put("nonprofit", "NONPROFIT_ORGANIZATION_MANAGEMENT");
        options.put("manufacturing", "MACHINERY");
        options.put("media", "MEDIA_PRODUCTION");
        options.put("energy", "OIL_ENERGY");
        options.put("transportation", "TRANSPORTATIONTRUCKINGRAILROAD");
        options.put("agriculture", "FARMING");
        return new HubSpotCompanyFields(properties, options);
    }

    /**
     * The defaults, changed by {@code HUBSPOT_COMPANY_PROPERTIES} ({@code field=property,...}, e.g.
     * {@code revenue_range=revenue_range,funding_stage=funding_stage}; an empty property unmaps the field) and
     * {@code HUBSPOT_INDUSTRY_OPTIONS} ({@code ourKey=PORTAL_OPTION,...}).
     */
    public static HubSpotCompanyFields fromEnvironment(Map<String, String> env) {
        HubSpotCompanyFields fields = defaults();
        for (Map.Entry<String, String> pair : pairs(env.get("HUBSPOT_COMPANY_PROPERTIES")).entrySet()) {
            CompanyProfileField field;
            try {
                field = CompanyProfileField.valueOf(pair.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("HUBSPOT_COMPANY_PROPERTIES: unknown field " + pair.getKey());
            }
            fields = fields.withProperty(field, pair.getValue());
        }
        for (Map.Entry<String, String> pair : pairs(env.get("HUBSPOT_INDUSTRY_OPTIONS")).entrySet()) {
            fields = fields.withIndustryOption(pair.getKey(), pair.getValue());
        }
        return fields;
    }

    /** Maps {@code field} to {@code property}; a blank property leaves the field out of the portal. */
    public HubSpotCompanyFields withProperty(CompanyProfileField field, String property) {
        Map<CompanyProfileField, String> changed = new EnumMap<>(CompanyProfileField.class);
        changed.putAll(properties);
        if (property == null || property.isBlank()) {
            changed.remove(field);
        } else {
            changed.put(field, property.strip());
        }
        return new HubSpotCompanyFields(changed, industryOptions);
    }

    public HubSpotCompanyFields withIndustryOption(String ourKey, String portalOption) {
        Map<String, String> options = new HashMap<>(industryOptions);
        options.put(ourKey, portalOption);
        return new HubSpotCompanyFields(properties, options);
    }

    Optional<String> property(CompanyProfileField field) {
        return Optional.ofNullable(properties.get(field));
    }

    String toPortal(CompanyProfileField field, String value) {
        return field == CompanyProfileField.INDUSTRY ? industryOptions.getOrDefault(value, value) : value;
    }

    String fromPortal(CompanyProfileField field, String value) {
        if (field != CompanyProfileField.INDUSTRY) {
            return value;
        }
        return industryOptions.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey)
                .findFirst().orElse(value);
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> pairs = new java.util.LinkedHashMap<>();
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
