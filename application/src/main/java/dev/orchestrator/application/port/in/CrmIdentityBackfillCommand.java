package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.domain.shared.Require;
import java.util.function.BooleanSupplier;

/**
 * @param restart  start from the first page even when an earlier pass stopped or finished
 * @param pageSize records per page asked of the CRM (one index batch each)
 * @param stop     asked before every page; {@code true} ends the run, to be resumed at that page
 */
public record CrmIdentityBackfillCommand(CrmRecords crm, boolean restart, int pageSize, BooleanSupplier stop) {
    public CrmIdentityBackfillCommand {
        Require.present("crm", crm);
        Require.between("pageSize", pageSize, 1, CrmRecords.MAX_PAGE);
        Require.present("stop", stop);
    }
}
