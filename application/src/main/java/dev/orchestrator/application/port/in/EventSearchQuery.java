package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.EventCursor;
import dev.orchestrator.application.port.out.EventFilter;
import java.util.Optional;

/** One page of an events search: the filter, where the previous page ended, and the page size (1 to 500). */
public record EventSearchQuery(EventFilter filter, Optional<EventCursor> after, int pageSize) {

    public EventSearchQuery {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("a page holds 1 to 500 events");
        }
    }
}
