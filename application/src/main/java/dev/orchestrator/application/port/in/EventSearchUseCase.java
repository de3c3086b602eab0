package dev.orchestrator.application.port.in;

public interface EventSearchUseCase {
    EventPage search(EventSearchQuery query);
}
