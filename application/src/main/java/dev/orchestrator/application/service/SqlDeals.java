package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.crm.CrmDeal;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.DealDraft;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lead that reaches {@code sql} gets a deal: the contact's open deal in the configured pipeline is searched
 * first (a rep may have opened one by hand) and updated, otherwise one is created with an idempotency key made of
 * the stored event's id, so the job retried after a crash writes the same deal again. The deal is linked to the
 * contact and, when known, to the company. Each step is an audit event of the event's trace.
 */
public final class SqlDeals {
    static final String DEAL = "deal";

    /**
     * Where deals go: the CRM's pipeline and first stage (internal values), and how far ahead the expected close
     * date lies.
     */
    public record Settings(String pipeline, String stage, Period closeIn) {
        public Settings {
            Require.notBlank("pipeline", pipeline);
            Require.notBlank("stage", stage);
            Require.present("closeIn", closeIn);
        }
    }

    private final Optional<CrmDeals> deals;
    private final Optional<Settings> settings;
    private final Clock clock;

    public SqlDeals(CrmDeals deals, Settings settings, Clock clock) {
        this(Optional.of(deals), Optional.of(settings), clock);
    }

    private SqlDeals(Optional<CrmDeals> deals, Optional<Settings> settings, Clock clock) {
        this.deals = deals;
        this.settings = settings;
        this.clock = clock;
    }

    /** No deals are written (a CRM without deals, or a deployment that leaves deals to the reps). */
    public static SqlDeals none() {
        // the clock is never read when no deals are written; a fixed one keeps the core free of system time
        return new SqlDeals(Optional.empty(), Optional.empty(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /** Opens (or refreshes) the deal when this run moved the contact to {@code sql}; otherwise does nothing. */
    void onStage(LifecycleStage before, Contact after, CrmObjectId contactCrmId, Optional<String> companyCrmId,
            String crmName, AuditTrail trail) {
        if (deals.isEmpty() || before == LifecycleStage.SQL || after.stage() != LifecycleStage.SQL) {
            return;
        }
        CrmDeals crm = deals.get();
        Settings where = settings.get();
        String contactId = after.id().toString();
        Optional<CrmDeal> open = crm.findOpenDeal(contactCrmId, where.pipeline());
        trail.record(AuditKind.CRM_SEARCHED, ProcessEventService.CONTACT, Optional.of(contactId), crmName,
                open.map(d -> "found open deal " + d.id() + " in pipeline " + where.pipeline())
                        .orElse("no open deal in pipeline " + where.pipeline()),
                evidence("crm", crmName, "object", DEAL, "contact", contactCrmId.value(), "pipeline", where.pipeline(),
                        "found", open.map(d -> d.id().value()).orElse("")));
        String key = "sql:" + trail.correlationId();
        DealDraft draft = new DealDraft(key, dealName(after), where.pipeline(),
                open.map(CrmDeal::stage).orElse(where.stage()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plus(where.closeIn()), Optional.empty(),
                after.ownerId());
        CrmObjectId dealId;
        if (open.isPresent()) {
            dealId = open.get().id();
            crm.updateDeal(dealId, draft);
        } else {
            dealId = crm.createDeal(draft);
        }
        crm.associateDealWithContact(dealId, contactCrmId);
        companyCrmId.ifPresent(company -> crm.associateDealWithCompany(dealId, new CrmObjectId(company)));
        trail.record(AuditKind.CRM_WRITTEN, ProcessEventService.CONTACT, Optional.of(contactId), crmName,
                (open.isPresent() ? "updated" : "created") + " CRM deal " + dealId + " for the sql lead",
                evidence("crm", crmName, "object", DEAL, "crmId", dealId.value(), "operation",
                        open.isPresent() ? "update" : "create", "idempotencyKey", open.isPresent() ? "" : key,
                        "pipeline", where.pipeline(), "stage", draft.stage(), "contact", contactCrmId.value(),
                        "company", companyCrmId.orElse(""), "owner", after.ownerId().orElse("")));
    }

    /** The company as the person typed it (or its domain), then the person: what a rep scans the board for. */
    private static String dealName(Contact contact) {
        String company = contact.company().or(contact::companyDomain).orElse(contact.email().domain());
        return company + " — " + contact.email().value();
    }

    private static Map<String, String> evidence(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
