package dev.orchestrator.application.port.in.audit;

import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.domain.shared.Require;

/**
 * @param source   where the records come from: the configured CRM or a CSV export
 * @param pageSize records asked for per page
 */
public record AuditCrmQuery(CrmRecords source, int pageSize) {
    public AuditCrmQuery {
        Require.present("source", source);
        Require.between("pageSize", pageSize, 1, CrmRecords.MAX_PAGE);
    }

    public static AuditCrmQuery of(CrmRecords source) {
        return new AuditCrmQuery(source, 100);
    }
}
