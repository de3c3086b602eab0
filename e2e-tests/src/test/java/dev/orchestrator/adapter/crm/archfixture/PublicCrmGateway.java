package dev.orchestrator.adapter.crm.archfixture;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import java.util.Optional;

/** Deliberate violation: an out-port implementation that is public. */
public abstract class PublicCrmGateway implements CrmGateway {
    @Override
    public String name() {
        return "fixture";
    }

    @Override
    public Optional<CrmContact> findContactByEmail(EmailAddress email) {
        return Optional.empty();
    }

    @Override
    public CrmObjectId createContact(ContactDraft draft) {
        return new CrmObjectId("1");
    }

    @Override
    public void updateContact(CrmObjectId id, ContactDraft draft) {
        // fixture
    }

    @Override
    public CrmHealth health() {
        return new CrmHealth("fixture", true, "fixture");
    }
}
