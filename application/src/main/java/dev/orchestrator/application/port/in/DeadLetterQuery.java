package dev.orchestrator.application.port.in;

import java.util.Optional;

/** A page of dead letters, continuing after job {@code afterJobId}. */
public record DeadLetterQuery(Optional<Long> afterJobId, int pageSize) {

    public DeadLetterQuery {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("a page holds 1 to 500 dead letters");
        }
    }
}
