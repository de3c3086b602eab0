package dev.orchestrator.application.actions;

import dev.orchestrator.application.port.out.actions.ActionJob;

/**
 * Carries out one type of action. Failures are thrown already classified ({@code DeliveryFailure},
 * {@code CrmFailure}) for the one error policy of the job worker; executors never retry by themselves.
 */
public interface ActionExecutor {
    boolean handles(String type);

    ActionResult execute(ActionJob job);
}
