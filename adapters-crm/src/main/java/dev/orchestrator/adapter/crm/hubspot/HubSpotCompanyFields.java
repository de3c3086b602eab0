package dev.orchestrator.adapter.crm.hubspot;

import dev.orchestrator.adapter.crm.support.CompanyFieldMaps;
import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import java.util.EnumMap;
import java.util.HashMap;
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
        CompanyFieldMaps.requireOneToOne(properties,
                "company field map sends two fields to the same HubSpot property");
        CompanyFieldMaps.requireOneToOne(industryOptions,
                "company field map sends two industries to the same portal option");
        properties = CompanyFieldMaps.frozen(properties);
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
        return CompanyFieldMaps.fromSettings(defaults(), env, "HUBSPOT_COMPANY_PROPERTIES",
                HubSpotCompanyFields::withProperty, "HUBSPOT_INDUSTRY_OPTIONS",
                HubSpotCompanyFields::withIndustryOption);
    }

    /** Maps {@code field} to {@code property}; a blank property leaves the field out of the portal. */
    public HubSpotCompanyFields withProperty(CompanyProfileField field, String property) {
        return new HubSpotCompanyFields(CompanyFieldMaps.remapped(properties, field, property), industryOptions);
    }

    public HubSpotCompanyFields withIndustryOption(String ourKey, String portalOption) {
        return new HubSpotCompanyFields(properties,
                CompanyFieldMaps.withIndustry(industryOptions, ourKey, portalOption));
    }

    Optional<String> property(CompanyProfileField field) {
        return Optional.ofNullable(properties.get(field));
    }

    String toPortal(CompanyProfileField field, String value) {
        return CompanyFieldMaps.toCrm(industryOptions, field, value);
    }

    String fromPortal(CompanyProfileField field, String value) {
        return CompanyFieldMaps.fromCrm(industryOptions, field, value);
    }
}
