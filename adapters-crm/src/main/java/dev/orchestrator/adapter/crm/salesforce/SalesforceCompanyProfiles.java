package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Account firmographics: read with one SOQL query by id, written with {@code PATCH /sobjects/Account/{id}}
 * ({@code NumberOfEmployees} as a number, the rest as text), field names from {@link SalesforceAccountFields}.
 */
final class SalesforceCompanyProfiles implements CrmCompanyProfiles {
    private final SalesforceRecords records;
    private final SalesforceAccountFields fields;

    SalesforceCompanyProfiles(SalesforceRecords records, SalesforceAccountFields fields) {
        this.records = records;
        this.fields = fields;
    }

    @Override
    public Set<CompanyProfileField> fields() {
        return fields.fields().keySet();
    }

    @Override
    public Map<CompanyProfileField, String> read(CrmObjectId companyId) {
        Map<CompanyProfileField, String> values = new EnumMap<>(CompanyProfileField.class);
        String operation = "read account profile " + companyId;
        String selected = String.join(", ", fields.fields().values().stream().sorted().toList());
        List<JsonNode> found = records.query(operation, "SELECT Id" + (selected.isEmpty() ? "" : ", " + selected)
                + " FROM Account WHERE Id = " + Soql.quote(companyId.value()) + " LIMIT 1");
        if (found.isEmpty()) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "Salesforce " + operation + ": no such Account");
        }
        JsonNode account = found.get(0);
        fields.fields().forEach((field, name) -> {
            JsonNode value = account.path(name);
            if (!value.isMissingNode() && !value.isNull() && !value.asText().isBlank()) {
                values.put(field, fields.fromOrg(field, value.asText()));
            }
        });
        return values;
    }

    @Override
    public void write(CrmObjectId companyId, Map<CompanyProfileField, String> values) {
        if (values.isEmpty()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            String name = fields.field(field).orElseThrow(() -> new CrmFailure(CrmFailure.Kind.REVIEW,
                    "no Salesforce Account field is mapped for " + field.key() + " (SALESFORCE_ACCOUNT_FIELDS)"));
            body.put(name, field == CompanyProfileField.EMPLOYEES ? employees(value) : fields.toOrg(field, value));
        });
        records.update("Account", companyId, body);
    }

    private static Object employees(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "employees '" + value + "' is not a whole number");
        }
    }
}
