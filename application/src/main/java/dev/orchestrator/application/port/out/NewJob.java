package dev.orchestrator.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * The job an acknowledged event is stored with: ready to run, or, for a body that can never be processed, straight
 * into the dead letters with the reason.
 */
public record NewJob(JobKind kind, int maxAttempts, Optional<String> deadOnArrival) {
    public NewJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deadOnArrival, "deadOnArrival");
    }

    public static NewJob ready(JobKind kind, int maxAttempts) {
        return new NewJob(kind, maxAttempts, Optional.empty());
    }

    public static NewJob deadOnArrival(JobKind kind, String reason) {
        return new NewJob(kind, 0, Optional.of(reason));
    }
}
