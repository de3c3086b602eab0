package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.EventPage;
import dev.orchestrator.application.port.in.EventSearchQuery;
import dev.orchestrator.application.port.in.EventSearchUseCase;
import dev.orchestrator.application.port.out.EventCursor;
import dev.orchestrator.application.port.out.EventFilter;
import dev.orchestrator.application.port.out.EventSearch;
import dev.orchestrator.application.port.out.EventSummary;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public final class EventSearchService implements EventSearchUseCase {
    private final EventSearch search;

    public EventSearchService(EventSearch search) {
        this.search = search;
    }

    @Override
    public EventPage search(EventSearchQuery query) {
        // One more than a page tells whether a next page exists without counting the whole result.
        List<EventSummary> found = search.search(normalized(query.filter()), query.after(), query.pageSize() + 1);
        if (found.size() <= query.pageSize()) {
            return new EventPage(found, Optional.empty());
        }
        List<EventSummary> page = found.subList(0, query.pageSize());
        EventSummary last = page.get(page.size() - 1);
        return new EventPage(List.copyOf(page), Optional.of(new EventCursor(last.receivedAt(), last.id())));
    }

    /** Emails are stored as intake normalized them (trimmed, lower case); a domain may be typed with its '@'. */
    static EventFilter normalized(EventFilter filter) {
        return new EventFilter(lower(filter.email()), lower(filter.domain()).map(d -> d.startsWith("@")
                ? d.substring(1) : d), filter.source().map(String::strip).filter(s -> !s.isEmpty()),
                filter.status(), filter.from(), filter.to());
    }

    private static Optional<String> lower(Optional<String> value) {
        return value.map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
    }
}
