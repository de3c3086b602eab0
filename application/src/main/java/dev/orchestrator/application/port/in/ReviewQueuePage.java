package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.ReviewQueue.ReviewCursor;
import dev.orchestrator.application.port.out.ReviewQueue.ReviewItem;
import java.util.List;
import java.util.Optional;

/** Open review items, oldest first, and where the next page starts. */
public record ReviewQueuePage(List<ReviewItem> items, Optional<ReviewCursor> next) {
}
