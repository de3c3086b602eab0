package dev.orchestrator.adapter.crm.hubspot;

import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Company firmographics through {@code GET} and {@code PATCH /crm/v3/objects/companies/{id}}, with the portal's
 * internal property names from {@link HubSpotCompanyFields}. A company HubSpot does not know answers 404, which
 * {@link HubSpotErrors} classifies as review.
 */
final class HubSpotCompanyProfiles implements CrmCompanyProfiles {
    static final String COMPANIES = "/crm/v3/objects/companies";

    private final HubSpotHttp http;
    private final HubSpotObjects objects;
    private final HubSpotCompanyFields fields;
    private final Lane lane;

    HubSpotCompanyProfiles(HubSpotHttp http, HubSpotObjects objects, HubSpotCompanyFields fields, Lane lane) {
        this.http = http;
        this.objects = objects;
        this.fields = fields;
        this.lane = lane;
    }

    @Override
    public Set<CompanyProfileField> fields() {
        return fields.properties().keySet();
    }

    @Override
    public Map<CompanyProfileField, String> read(CrmObjectId companyId) {
        Map<CompanyProfileField, String> values = new EnumMap<>(CompanyProfileField.class);
        if (fields.properties().isEmpty()) {
            return values;
        }
        String operation = "read company profile " + companyId;
        String wanted = fields.properties().values().stream().sorted().collect(Collectors.joining(","));
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, lane, "GET", COMPANIES + "/"
                + HubSpotObjects.encode(companyId.value()) + "?properties=" + HubSpotObjects.encode(wanted)
                + "&archived=false", Optional.empty());
        HubSpotDto.SimplePublicObject company = objects.read(reply, operation, HubSpotDto.SimplePublicObject.class);
        Map<String, String> properties = Optional.ofNullable(company.properties()).orElse(Map.of());
        fields.properties().forEach((field, property) -> {
            String value = properties.get(property);
            if (value != null && !value.isBlank()) {
                values.put(field, fields.fromPortal(field, value));
            }
        });
        return values;
    }

    @Override
    public void write(CrmObjectId companyId, Map<CompanyProfileField, String> values) {
        if (values.isEmpty()) {
            return;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        values.forEach((field, value) -> properties.put(fields.property(field).orElseThrow(() -> new CrmFailure(
                CrmFailure.Kind.REVIEW, "no HubSpot company property is mapped for " + field.key()
                        + " (HUBSPOT_COMPANY_PROPERTIES)")), fields.toPortal(field, value)));
        objects.update("company profile", COMPANIES, companyId, properties);
    }
}
