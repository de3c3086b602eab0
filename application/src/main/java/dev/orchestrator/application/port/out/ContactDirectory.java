package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.EmailAddress;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The orchestrator's own memory of the contacts it has handled. */
public interface ContactDirectory {
    Optional<Contact> findByEmail(EmailAddress email);

    Optional<Contact> findById(UUID id);

    void save(Contact contact);

    /** Leads, MQLs and SQLs each owner holds now: the load routing caps compare against. */
    Map<String, Integer> openLeadsByOwner();
}
