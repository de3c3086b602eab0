package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ContactQueryUseCase;
import dev.orchestrator.application.port.in.ContactView;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.shared.DomainViolation;
import java.util.Optional;
import java.util.UUID;

public final class ContactQueryService implements ContactQueryUseCase {
    private final ContactDirectory contacts;
    private final AuditLog audit;

    public ContactQueryService(ContactDirectory contacts, AuditLog audit) {
        this.contacts = contacts;
        this.audit = audit;
    }

    @Override
    public Optional<ContactView> byEmail(String email) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (DomainViolation invalid) {
            return Optional.empty();
        }
        return contacts.findByEmail(address).map(this::view);
    }

    @Override
    public Optional<ContactView> byId(UUID id) {
        return contacts.findById(id).map(this::view);
    }

    private ContactView view(Contact contact) {
        return new ContactView(contact, audit.byEntity(ProcessEventService.CONTACT, contact.id().toString()));
    }
}
