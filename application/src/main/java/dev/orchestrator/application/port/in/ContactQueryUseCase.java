package dev.orchestrator.application.port.in;

import java.util.Optional;
import java.util.UUID;

public interface ContactQueryUseCase {
    /** {@code email} as typed by a person: it is normalized the way intake normalizes it. */
    Optional<ContactView> byEmail(String email);

    Optional<ContactView> byId(UUID id);
}
