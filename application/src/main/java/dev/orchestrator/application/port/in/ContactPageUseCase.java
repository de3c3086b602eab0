package dev.orchestrator.application.port.in;

import java.util.Optional;

/** What the contact page shows: the record, "why" it is where it is, and its history a page at a time. */
public interface ContactPageUseCase {
    Optional<ContactPage> contactPage(ContactPageQuery query);
}
