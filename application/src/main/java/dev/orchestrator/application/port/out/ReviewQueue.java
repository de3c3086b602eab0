package dev.orchestrator.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Records a human must look at: validation failures, ambiguous duplicates. */
public interface ReviewQueue {
    UUID open(UUID eventId, String reason, List<FieldProblem> problems, Instant at);

    long openCount();

    /** Open items, oldest first (the queue's order of work), continuing after {@code after} (a keyset page). */
    List<ReviewItem> openItems(Optional<ReviewCursor> after, int limit);

    Optional<ReviewItem> find(UUID reviewId);

    /**
     * Closes an open item, remembering who closed it and the field values they corrected. Answers false when the
     * item was not open (resolved already, or unknown).
     */
    boolean resolve(UUID reviewId, String resolvedBy, Map<String, String> corrections, Instant at);

    /** The field values a person corrected when they resolved this event's latest review; empty when none. */
    Map<String, String> corrections(UUID eventId);

    record FieldProblem(String field, String message) {
    }

    /** Where a page of open items ended. */
    record ReviewCursor(Instant createdAt, UUID reviewId) {
    }

    record ReviewItem(UUID id, UUID eventId, String reason, List<FieldProblem> problems, boolean open,
            Instant createdAt, Optional<Instant> resolvedAt, Optional<String> resolvedBy,
            Map<String, String> corrections) {

        public ReviewItem {
            problems = List.copyOf(problems);
            corrections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(corrections));
        }
    }
}
