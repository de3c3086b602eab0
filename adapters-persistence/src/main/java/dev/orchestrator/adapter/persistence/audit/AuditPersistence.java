package dev.orchestrator.adapter.persistence.audit;

import dev.orchestrator.application.port.out.BackfillJobStore;
import dev.orchestrator.application.port.out.IdentityBackfillCursors;
import org.jdbi.v3.core.Jdbi;

/** The public entry of the CRM backfill stores; the schema comes from migration V80. */
public final class AuditPersistence {
    private AuditPersistence() {
    }

    public static BackfillJobStore backfillJobs(Jdbi jdbi) {
        return new JdbiBackfillJobStore(jdbi);
    }

    public static IdentityBackfillCursors identityCursors(Jdbi jdbi) {
        return new JdbiIdentityBackfillCursors(jdbi);
    }
}
