package dev.orchestrator.application.port.in;

import java.util.Optional;
import java.util.UUID;

/** What a request to forget did. */
public sealed interface ForgetOutcome {
    /**
     * The person is now {@code pseudonym} everywhere; the counts say how many rows were rewritten, {@code crm} what
     * the CRM was asked to do.
     */
    record Forgotten(String pseudonym, Optional<UUID> contactId, long rawEvents, long auditEvents, long otherTexts,
            String crm, UUID auditId) implements ForgetOutcome {
    }

    /** Nothing is known of this person: no contact, no event, nothing in the CRM. */
    record NotFound(String detail) implements ForgetOutcome {
    }

    /**
     * The CRM refused or failed the deletion; nothing local was erased, so the request can simply be repeated
     * (our copy still holds the ids the CRM call needs).
     */
    record CrmFailed(String detail, boolean retryable) implements ForgetOutcome {
    }
}
