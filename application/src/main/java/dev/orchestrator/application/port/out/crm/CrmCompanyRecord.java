package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.shared.Require;

/** A company as the CRM stores it, unvalidated; empty strings are unset values. */
public record CrmCompanyRecord(String id, String name, String domain, String industry, String country,
        String ownerId) {
    public CrmCompanyRecord {
        Require.notBlank("id", id);
        name = Texts.orEmpty(name);
        domain = Texts.orEmpty(domain);
        industry = Texts.orEmpty(industry);
        country = Texts.orEmpty(country);
        ownerId = Texts.orEmpty(ownerId);
    }
}
