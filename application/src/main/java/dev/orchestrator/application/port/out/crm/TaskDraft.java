package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Optional;

/** A task for a rep on a contact, due at a time; the idempotency key makes a retried write the same task. */
public record TaskDraft(String idempotencyKey, CrmObjectId contactId, String subject, String body, Instant dueAt,
        Optional<String> ownerId) {
    public TaskDraft {
        Require.notBlank("idempotencyKey", idempotencyKey);
        Require.present("contactId", contactId);
        Require.notBlank("subject", subject);
        Require.present("body", body);
        Require.present("dueAt", dueAt);
        Require.present("ownerId", ownerId);
    }
}
