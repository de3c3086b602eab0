package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/** The orchestrator's own memory of the contacts it has handled. */
public interface ContactDirectory {
    Optional<Contact> findByEmail(EmailAddress email);

    Optional<Contact> findById(UUID id);

    void save(Contact contact);

    /** {@link #save} for several contacts at once (a worker's wave of leads), in one statement where it can. */
    default void saveAll(List<Contact> contacts) {
        contacts.forEach(this::save);
    }

    /** Contacts in one of {@code stages} not updated since {@code notUpdatedSince}, oldest first. */
    List<Contact> dueForSweep(Set<LifecycleStage> stages, Instant notUpdatedSince, int limit);

    /** Leads, MQLs and SQLs each owner holds now: the load routing caps compare against. */
    Map<String, Integer> openLeadsByOwner();
}
