package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.shared.Require;

/** Someone records can be assigned to; deactivated owners are listed too ({@code active == false}). */
public record CrmOwnerRecord(String id, String email, String name, boolean active) {
    public CrmOwnerRecord {
        Require.notBlank("id", id);
        email = Texts.orEmpty(email);
        name = Texts.orEmpty(name);
    }
}
