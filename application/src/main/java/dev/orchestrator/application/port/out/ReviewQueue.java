package dev.orchestrator.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records a human must look at: validation failures, ambiguous duplicates. */
public interface ReviewQueue {
    UUID open(UUID eventId, String reason, List<FieldProblem> problems, Instant at);

    long openCount();

    record FieldProblem(String field, String message) {
    }
}
