package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.ReviewQueue.ReviewItem;
import java.util.Optional;
import java.util.UUID;

public interface ReviewQueueUseCase {
    ReviewQueuePage openItems(ReviewQueueQuery query);

    Optional<ReviewItem> item(UUID reviewId);
}
