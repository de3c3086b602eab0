package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ContactPage;
import dev.orchestrator.application.port.in.ContactPageQuery;
import dev.orchestrator.application.port.in.ContactPageUseCase;
import dev.orchestrator.application.port.out.AuditPages;
import dev.orchestrator.application.port.out.ContactDirectory;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

public final class ContactPageService implements ContactPageUseCase {
    /** Enough decisions to explain the current stage and owner and the few before them. */
    static final int DECISIONS = 20;

    private final ContactDirectory contacts;
    private final AuditPages audit;

    public ContactPageService(ContactDirectory contacts, AuditPages audit) {
        this.contacts = contacts;
        this.audit = audit;
    }

    @Override
    public Optional<ContactPage> contactPage(ContactPageQuery query) {
        return contacts.findById(query.contactId()).map(contact -> {
            String id = contact.id().toString();
            List<AuditPages.Positioned> found = audit.byEntity(ProcessEventService.CONTACT, id,
                    query.afterPosition(), query.pageSize() + 1);
            List<AuditPages.Positioned> page = found.size() > query.pageSize()
                    ? List.copyOf(found.subList(0, query.pageSize())) : found;
            OptionalLong next = found.size() > query.pageSize()
                    ? OptionalLong.of(page.get(page.size() - 1).position()) : OptionalLong.empty();
            return new ContactPage(contact, audit.latestRuleDecisions(ProcessEventService.CONTACT, id, DECISIONS),
                    page, next);
        });
    }
}
