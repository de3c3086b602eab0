package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.RawEvent;
import java.util.Optional;
import java.util.UUID;

/** Process the stored event {@code eventId}; {@code read} is the event when the caller has read it already. */
public record ProcessEventCommand(UUID eventId, int attempt, Optional<RawEvent> read) {
    public ProcessEventCommand {
        if (read.isPresent() && !read.get().id().equals(eventId)) {
            throw new IllegalArgumentException("the event read is " + read.get().id() + ", not " + eventId);
        }
    }

    public ProcessEventCommand(UUID eventId, int attempt) {
        this(eventId, attempt, Optional.empty());
    }
}
