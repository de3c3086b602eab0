package dev.orchestrator.web.pages;

import dev.orchestrator.application.port.in.audit.BackfillJob;
import java.util.List;
import java.util.Optional;

/** The audit page: the last report, the latest backfill job and its items (the first few hundred). */
public record AuditPageModel(String crm, Optional<AuditReportView> report, Optional<BackfillJob> job,
        List<ItemRow> items, int moreItems, boolean running, String lastRun, String rate, int approvalAbove,
        String notice) {

    public record ItemRow(int seq, String fix, String record, String before, String after, String status,
            boolean awaitingApproval, String note) {
    }
}
