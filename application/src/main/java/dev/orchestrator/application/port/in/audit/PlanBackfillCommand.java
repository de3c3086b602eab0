package dev.orchestrator.application.port.in.audit;

import dev.orchestrator.domain.shared.Require;

/**
 * The dry run: turn an audit's findings into a stored, record-by-record plan without touching the CRM.
 *
 * @param approvalAbove merges of clusters with more records than this wait for a person's approval
 */
public record PlanBackfillCommand(CrmAuditReport report, int approvalAbove, String actor) {
    public PlanBackfillCommand {
        Require.present("report", report);
        Require.between("approvalAbove", approvalAbove, 1, 10_000);
        Require.notBlank("actor", actor);
    }
}
