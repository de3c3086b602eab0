package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.EventSummary;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface EventQueryUseCase {
    Optional<EventView> find(UUID eventId);

    List<EventSummary> recent(int limit);
}
