package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;

/** What routing needs to know about an owner, as the CRM's owners API reports it. */
public record OwnerState(String id, boolean active, boolean outOfOffice, int openLeads) {
    public OwnerState {
        Require.notBlank("owner.id", id);
        Require.that(openLeads >= 0, "owner.openLeads", "must not be negative");
    }

    public static OwnerState available(String id) {
        return new OwnerState(id, true, false, 0);
    }

    public OwnerState withOpenLeads(int count) {
        return new OwnerState(id, active, outOfOffice, count);
    }
}
