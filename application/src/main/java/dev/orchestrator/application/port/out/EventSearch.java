package dev.orchestrator.application.port.out;

import java.util.List;
import java.util.Optional;

/** Events found by who sent them, where from, their state and time; newest first, in keyset pages. */
public interface EventSearch {
    List<EventSummary> search(EventFilter filter, Optional<EventCursor> after, int limit);
}
