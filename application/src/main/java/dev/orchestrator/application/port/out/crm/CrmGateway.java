package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import java.util.Optional;

/**
 * The CRM the team works in (HubSpot, Salesforce, or the sandbox). Calls fail with {@link CrmFailure}, already
 * classified.
 */
public interface CrmGateway {
    String name();

    /** Search-before-create: the contact with this email, if the CRM has one. */
    Optional<CrmContact> findContactByEmail(EmailAddress email);

    CrmObjectId createContact(ContactDraft draft);

    void updateContact(CrmObjectId id, ContactDraft draft);

    CrmHealth health();
}
