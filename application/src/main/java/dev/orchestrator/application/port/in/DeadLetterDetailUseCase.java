package dev.orchestrator.application.port.in;

import java.util.Optional;

public interface DeadLetterDetailUseCase {
    /** The dead letter, or empty when the job is not dead (replayed, done, unknown). */
    Optional<DeadLetterDetail> detail(long jobId);
}
