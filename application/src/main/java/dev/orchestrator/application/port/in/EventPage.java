package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.EventCursor;
import dev.orchestrator.application.port.out.EventSummary;
import java.util.List;
import java.util.Optional;

/** A page of events, newest first, and where the next page starts if there is one. */
public record EventPage(List<EventSummary> events, Optional<EventCursor> next) {
}
