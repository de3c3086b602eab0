package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.ReviewQueue.ReviewCursor;
import java.util.Optional;

/** A page of open review items, continuing after {@code after}. */
public record ReviewQueueQuery(Optional<ReviewCursor> after, int pageSize) {

    public ReviewQueueQuery {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("a page holds 1 to 500 review items");
        }
    }
}
