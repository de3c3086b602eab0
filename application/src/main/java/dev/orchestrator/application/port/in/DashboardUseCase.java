package dev.orchestrator.application.port.in;

/** What the operator's start page shows. */
public interface DashboardUseCase {
    Dashboard dashboard(DashboardQuery query);
}
