package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.crm.LifecycleStage;
import java.util.Optional;
import java.util.UUID;

public interface ContactQueryUseCase {
    /** {@code email} as typed by a person: it is normalized the way intake normalizes it. */
    Optional<ContactView> byEmail(String email);

    Optional<ContactView> byId(UUID id);

    /** The latest transition of the contact into {@code stage}, explained. */
    Optional<DecisionExplanation> whyStage(UUID contactId, LifecycleStage stage);

    /** The assignment of the contact's current owner (or queue), explained. */
    Optional<DecisionExplanation> whyOwner(UUID contactId);
}
