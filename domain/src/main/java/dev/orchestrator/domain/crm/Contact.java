package dev.orchestrator.domain.crm;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A contact as the orchestrator knows it: our own id, the CRM's id once written, and the state our rules
 * decided (stage, owner, scores). The CRM stays the team's interface; this is our memory of what we did.
 */
public record Contact(
        UUID id,
        EmailAddress email,
        PersonName name,
        Optional<String> company,
        Optional<String> phone,
        Optional<CrmObjectId> crmId,
        LifecycleStage stage,
        Optional<String> ownerId,
        int fitScore,
        int behaviorScore,
        Instant createdAt,
        Instant updatedAt) {

    public Contact {
        Require.present("id", id);
        Require.present("email", email);
        Require.present("name", name);
        Require.present("company", company);
        Require.present("phone", phone);
        Require.present("crmId", crmId);
        Require.present("stage", stage);
        Require.present("ownerId", ownerId);
        Require.present("createdAt", createdAt);
        Require.present("updatedAt", updatedAt);
    }

    public Contact withCrmId(CrmObjectId newCrmId, Instant at) {
        return new Contact(id, email, name, company, phone, Optional.of(newCrmId), stage, ownerId, fitScore,
                behaviorScore, createdAt, at);
    }

    public Contact withDetails(PersonName newName, Optional<String> newCompany, Optional<String> newPhone,
            Instant at) {
        return new Contact(id, email, newName, newCompany, newPhone, crmId, stage, ownerId, fitScore,
                behaviorScore, createdAt, at);
    }
}
