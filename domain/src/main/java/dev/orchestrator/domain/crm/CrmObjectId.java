package dev.orchestrator.domain.crm;

import dev.orchestrator.domain.shared.Require;

/** The id a CRM gave one of its records (HubSpot's numeric id, Salesforce's 18-char id, the sandbox's own). */
public record CrmObjectId(String value) {
    public CrmObjectId {
        Require.notBlank("crmId", value);
        Require.maxLength("crmId", value, 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
