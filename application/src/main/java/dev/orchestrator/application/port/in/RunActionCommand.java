package dev.orchestrator.application.port.in;

/** Attempt {@code attempt} of {@code maxAttempts} of the action job {@code jobId}. */
public record RunActionCommand(long jobId, int attempt, int maxAttempts) {
}
