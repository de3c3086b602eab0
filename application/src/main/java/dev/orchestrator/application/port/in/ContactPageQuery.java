package dev.orchestrator.application.port.in;

import java.util.UUID;

/** A contact with one page of its timeline: events after {@code afterPosition} (0 = from the start). */
public record ContactPageQuery(UUID contactId, long afterPosition, int pageSize) {

    public ContactPageQuery {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("a page holds 1 to 500 audit events");
        }
        if (afterPosition < 0) {
            throw new IllegalArgumentException("a timeline position is not negative");
        }
    }
}
