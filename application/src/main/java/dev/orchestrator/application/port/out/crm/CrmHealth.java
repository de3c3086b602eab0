package dev.orchestrator.application.port.out.crm;

/** Whether the CRM answers, in words an operator can act on. */
public record CrmHealth(String crm, boolean up, String detail) {
}
