package dev.orchestrator.application.port.in;

public interface ResolveReviewUseCase {
    ResolveOutcome resolve(ResolveReviewCommand command);
}
