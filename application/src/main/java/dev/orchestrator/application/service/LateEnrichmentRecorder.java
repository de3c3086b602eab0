package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.CompanyDirectory;
import dev.orchestrator.application.port.out.CompanyDirectory.KnownCompany;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.enrichment.EnrichmentReport;
import dev.orchestrator.application.port.out.enrichment.LateEnrichmentListener;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.merge.MergeOutcome;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider that answered after the step's deadline still counts: its fields update the company record, and
 * the change is audited so the timeline says what arrived late and from whom.
 */
public final class LateEnrichmentRecorder implements LateEnrichmentListener {
    private final CompanyDirectory companies;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final Optional<CrmFirmographicsWriter> crm;

    public LateEnrichmentRecorder(CompanyDirectory companies, AuditLog audit, IdGenerator ids, Clock clock) {
        this(companies, audit, ids, clock, Optional.empty());
    }

    /** Also writes the late fields to the CRM company (when we know its id) under the merge policy. */
    public LateEnrichmentRecorder(CompanyDirectory companies, AuditLog audit, IdGenerator ids, Clock clock,
            Optional<CrmFirmographicsWriter> crm) {
        this.companies = companies;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.crm = crm;
    }

    @Override
    public void onLateReport(EnrichmentReport finished) {
        String domain = finished.domain().value();
        Optional<KnownCompany> known = companies.find(domain);
        companies.save(CompanyFirmographics.merge(domain, known, Optional.empty(),
                finished.firmographics(), clock.instant()));
        AuditTrail trail = new AuditTrail(ids.newId(), ids, clock);
        trail.record(AuditKind.ENRICHED, ProcessEventService.COMPANY, Optional.of(domain), "enrichment",
                "late answer after the deadline: " + finished.summary(), finished.auditEvidence());
        Optional<String> crmId = known.flatMap(KnownCompany::crmId);
        if (crm.isPresent() && crmId.isPresent()) {
            List<MergeOutcome> outcomes;
            try {
                outcomes = crm.get().write(new CrmObjectId(crmId.get()), finished.firmographics(), clock.instant());
            } catch (CrmFailure failure) {
                if (failure.kind() != CrmFailure.Kind.REVIEW) {
                    throw failure;
                }
                // the CRM refused a value (an option the portal lacks): the directory keeps the answer, the
                // timeline says why the CRM company did not get it
                outcomes = List.of();
                trail.record(AuditKind.FAILED, ProcessEventService.COMPANY, Optional.of(domain), "merge-policy",
                        "late: company firmographics not written to the CRM: " + failure.getMessage(),
                        new java.util.LinkedHashMap<>(Map.of("crmCompanyId", crmId.get())));
            }
            for (MergeOutcome outcome : outcomes) {
                if (!outcome.rule().equals("already-equal")) {
                    Map<String, String> evidence = outcome.evidence();
                    evidence.put("crmCompanyId", crmId.get());
                    trail.record(AuditKind.ENRICHED, ProcessEventService.COMPANY, Optional.of(domain),
                            "merge-policy", "late: company " + outcome.field() + (outcome.changes() ? " set to '"
                                    : " kept '") + outcome.result().value() + "' by " + outcome.rule() + ": "
                                    + outcome.explanation(), evidence);
                }
            }
        }
        trail.events().forEach(audit::append);
    }
}
