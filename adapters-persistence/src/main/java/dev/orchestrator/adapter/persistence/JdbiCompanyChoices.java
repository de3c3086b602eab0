package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.CompanyChoices;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Company choices per event in PostgreSQL. Each call runs on its own handle, never the caller's transaction: the
 * choice must be committed (synchronously) before the CRM call that follows it.
 */
final class JdbiCompanyChoices implements CompanyChoices {
    private final Jdbi jdbi;

    JdbiCompanyChoices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<CompanyChoice> find(UUID eventId, String domain) {
        return jdbi.withHandle(handle -> read(handle, eventId, domain));
    }

    /**
     * The first company kept wins; a plan to create (no id yet) is completed by the id that follows it. One
     * statement: the upsert answers the row as it stands after it, whoever wrote it first.
     */
    @Override
    public CompanyChoice choose(UUID eventId, CompanyChoice choice) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        insert into company_choices as kept (event_id, domain, crm_company_id, how, chosen_at)
                        values (:eventId, :domain, :crmId, :how, :at)
                        on conflict (event_id, domain) do update set
                            crm_company_id = coalesce(kept.crm_company_id, excluded.crm_company_id),
                            how = case when kept.crm_company_id is null and excluded.crm_company_id is not null
                                       then excluded.how else kept.how end,
                            chosen_at = case when kept.crm_company_id is null and excluded.crm_company_id is not null
                                             then excluded.chosen_at else kept.chosen_at end
                        returning domain, crm_company_id, how, chosen_at""")
                .bind("eventId", eventId)
                .bind("domain", choice.domain())
                .bind("crmId", choice.crmCompanyId().orElse(null))
                .bind("how", choice.how())
                .bind("at", Timestamp.from(choice.at()))
                .map((rs, ctx) -> choice(rs))
                .one());
    }

    private static CompanyChoice choice(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CompanyChoice(rs.getString("domain"), Optional.ofNullable(rs.getString("crm_company_id")),
                rs.getString("how"), rs.getTimestamp("chosen_at").toInstant());
    }

    private static Optional<CompanyChoice> read(Handle handle, UUID eventId, String domain) {
        return handle.createQuery("""
                        select domain, crm_company_id, how, chosen_at from company_choices
                        where event_id = :eventId and domain = :domain""")
                .bind("eventId", eventId)
                .bind("domain", domain)
                .map((rs, ctx) -> choice(rs))
                .findOne();
    }
}
