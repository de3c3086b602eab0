package dev.orchestrator.application.port.in;

/**
 * Erases a person's personal data everywhere the orchestrator kept it (and in the CRM, where configured),
 * keeping the decision skeleton: which rule fired, when, on which ruleset version, and what kind of step it was.
 */
public interface ForgetContactUseCase {
    ForgetOutcome forget(ForgetContactCommand command);
}
