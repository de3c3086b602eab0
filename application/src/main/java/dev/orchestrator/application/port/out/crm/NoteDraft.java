package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;

/** A note on a contact (the source event and the decision summary), written once per idempotency key. */
public record NoteDraft(String idempotencyKey, CrmObjectId contactId, String body, Instant at) {
    public NoteDraft {
        Require.notBlank("idempotencyKey", idempotencyKey);
        Require.present("contactId", contactId);
        Require.notBlank("body", body);
        Require.present("at", at);
    }
}
