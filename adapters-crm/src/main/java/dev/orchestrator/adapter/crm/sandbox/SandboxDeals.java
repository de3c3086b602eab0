package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.application.port.out.crm.CrmDeal;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.DealDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Deals in the sandbox CRM's {@code deals} table, linked to contacts through {@code deal_contacts} and to one
 * company through {@code company_id}. The idempotency key is the row's unique {@code external_id}; HubSpot's two
 * closed stages ({@code closedwon}, {@code closedlost}) are what "not open" means here.
 */
final class SandboxDeals implements CrmDeals {
    static final Set<String> CLOSED_STAGES = Set.of("closedwon", "closedlost");

    private final Jdbi jdbi;
    private final Clock clock;

    SandboxDeals(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<CrmDeal> findOpenDeal(CrmObjectId contactId, String pipeline) {
        long contact = parseId(contactId);
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select d.id, d.dealname, d.pipeline, d.dealstage from sandbox_crm.deals d
                        join sandbox_crm.deal_contacts dc on dc.deal_id = d.id
                        where dc.contact_id = :contact and d.pipeline = :pipeline
                          and d.dealstage not in ('closedwon', 'closedlost')
                        order by d.id limit 1""")
                .bind("contact", contact)
                .bind("pipeline", pipeline)
                .map((rs, ctx) -> new CrmDeal(new CrmObjectId(Long.toString(rs.getLong("id"))),
                        rs.getString("dealname"), rs.getString("pipeline"), rs.getString("dealstage")))
                .findOne());
    }

    @Override
    public CrmObjectId createDeal(DealDraft draft) {
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbi.inTransaction(handle -> handle.createQuery("""
                        insert into sandbox_crm.deals (dealname, amount, pipeline, dealstage, closedate,
                            hubspot_owner_id, external_id, createdate, lastmodifieddate)
                        values (:name, :amount, :pipeline, :stage, :close, :owner, :key, :now, :now)
                        on conflict (external_id) do update set
                            dealname = excluded.dealname,
                            amount = coalesce(excluded.amount, deals.amount),
                            pipeline = excluded.pipeline,
                            dealstage = excluded.dealstage,
                            closedate = excluded.closedate,
                            hubspot_owner_id = coalesce(excluded.hubspot_owner_id, deals.hubspot_owner_id),
                            lastmodifieddate = excluded.lastmodifieddate
                        returning id""")
                .bind("name", draft.name())
                .bind("amount", draft.amount().orElse(null))
                .bind("pipeline", draft.pipeline())
                .bind("stage", draft.stage())
                .bind("close", Timestamp.from(draft.closeDate().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .bind("owner", draft.ownerId().orElse(null))
                .bind("key", draft.idempotencyKey())
                .bind("now", now)
                .mapTo(Long.class)
                .one());
        return new CrmObjectId(Long.toString(id));
    }

    /** A deal found by search keeps its own idempotency key (or none, if a person made it). */
    @Override
    public void updateDeal(CrmObjectId dealId, DealDraft draft) {
        long deal = parseId(dealId);
        int updated = jdbi.withHandle(handle -> handle.createUpdate("""
                        update sandbox_crm.deals set dealname = :name, amount = coalesce(:amount, amount),
                            pipeline = :pipeline, dealstage = :stage, closedate = :close,
                            hubspot_owner_id = coalesce(:owner, hubspot_owner_id), lastmodifieddate = :now
                        where id = :id""")
                .bind("name", draft.name())
                .bind("amount", draft.amount().orElse(null))
                .bind("pipeline", draft.pipeline())
                .bind("stage", draft.stage())
                .bind("close", Timestamp.from(draft.closeDate().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .bind("owner", draft.ownerId().orElse(null))
                .bind("now", Timestamp.from(clock.instant()))
                .bind("id", deal)
                .execute());
        if (updated == 0) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "no deal " + dealId.value() + " in the sandbox CRM");
        }
    }

    @Override
    public void associateDealWithContact(CrmObjectId dealId, CrmObjectId contactId) {
        long deal = parseId(dealId);
        long contact = parseId(contactId);
        jdbi.useTransaction(handle -> {
            mustExist(handle, "deals", deal, dealId);
            mustExist(handle, "contacts", contact, contactId);
            handle.createUpdate("""
                            insert into sandbox_crm.deal_contacts (deal_id, contact_id) values (:deal, :contact)
                            on conflict do nothing""")
                    .bind("deal", deal).bind("contact", contact).execute();
        });
    }

    /** A sandbox deal has one company, as a HubSpot deal has one primary company. */
    @Override
    public void associateDealWithCompany(CrmObjectId dealId, CrmObjectId companyId) {
        long deal = parseId(dealId);
        long company = parseId(companyId);
        jdbi.useTransaction(handle -> {
            mustExist(handle, "deals", deal, dealId);
            mustExist(handle, "companies", company, companyId);
            handle.createUpdate("update sandbox_crm.deals set company_id = :company where id = :deal")
                    .bind("deal", deal).bind("company", company).execute();
        });
    }

    private static void mustExist(Handle handle, String table, long id, CrmObjectId shown) {
        boolean known = handle.createQuery("select count(*) from sandbox_crm." + table + " where id = :id")
                .bind("id", id).mapTo(Long.class).one() > 0;
        if (!known) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "no " + table.substring(0, table.length() - 1) + " "
                    + shown.value() + " in the sandbox CRM");
        }
    }

    private static long parseId(CrmObjectId id) {
        try {
            return Long.parseLong(id.value());
        } catch (NumberFormatException e) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "sandbox CRM ids are numeric, got " + id);
        }
    }
}
