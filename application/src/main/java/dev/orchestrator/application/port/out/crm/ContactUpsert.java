package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import java.util.Optional;

/**
 * One row of a batch upsert: the contact's id and whether it was created, or the classified failure of that row
 * alone (the rest of the batch is written regardless).
 */
public record ContactUpsert(EmailAddress email, Optional<CrmObjectId> id, boolean created,
        Optional<CrmFailure> failure) {
    public static ContactUpsert written(EmailAddress email, CrmObjectId id, boolean created) {
        return new ContactUpsert(email, Optional.of(id), created, Optional.empty());
    }

    public static ContactUpsert failed(EmailAddress email, CrmFailure failure) {
        return new ContactUpsert(email, Optional.empty(), false, Optional.of(failure));
    }

    public boolean ok() {
        return failure.isEmpty();
    }
}
