package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.intake.EventStatus;
import java.time.Instant;
import java.util.Optional;

/** What an events search asks for; every part is optional, the parts that are given must all match. */
public record EventFilter(Optional<String> email, Optional<String> domain, Optional<String> source,
        Optional<EventStatus> status, Optional<Instant> from, Optional<Instant> to) {

    public static EventFilter none() {
        return new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
