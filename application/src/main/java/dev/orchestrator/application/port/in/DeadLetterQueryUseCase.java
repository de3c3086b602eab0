package dev.orchestrator.application.port.in;

public interface DeadLetterQueryUseCase {
    DeadLetterPage deadLetters(DeadLetterQuery query);
}
