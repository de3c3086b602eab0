package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.shared.Require;

/**
 * A contact as the CRM stores it, unvalidated; empty strings are unset values.
 *
 * @param companyId   the associated company's CRM id (empty: no company record linked)
 * @param companyName the free-text company field on the contact
 */
public record CrmContactRecord(String id, String email, String firstName, String lastName, String phone,
        String country, String lifecycleStage, String ownerId, String companyId, String companyName) {
    public CrmContactRecord {
        Require.notBlank("id", id);
        email = Texts.orEmpty(email);
        firstName = Texts.orEmpty(firstName);
        lastName = Texts.orEmpty(lastName);
        phone = Texts.orEmpty(phone);
        country = Texts.orEmpty(country);
        lifecycleStage = Texts.orEmpty(lifecycleStage);
        ownerId = Texts.orEmpty(ownerId);
        companyId = Texts.orEmpty(companyId);
        companyName = Texts.orEmpty(companyName);
    }
}
