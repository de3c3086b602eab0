package dev.orchestrator.application.port.in.audit;

/**
 * Reads an existing CRM (or its CSV export) page by page and reports what is wrong with its data: duplicates with
 * their evidence, invalid values, missing links, inactive owners and stage anomalies. Reads only.
 */
public interface AuditCrmUseCase {
    CrmAuditReport audit(AuditCrmQuery query);
}
