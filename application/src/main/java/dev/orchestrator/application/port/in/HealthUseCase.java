package dev.orchestrator.application.port.in;

public interface HealthUseCase {
    HealthReport health();
}
