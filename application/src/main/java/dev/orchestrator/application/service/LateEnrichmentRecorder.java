package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.CompanyDirectory;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.enrichment.EnrichmentReport;
import dev.orchestrator.application.port.out.enrichment.LateEnrichmentListener;
import dev.orchestrator.domain.audit.AuditKind;
import java.time.Clock;
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

    public LateEnrichmentRecorder(CompanyDirectory companies, AuditLog audit, IdGenerator ids, Clock clock) {
        this.companies = companies;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void onLateReport(EnrichmentReport finished) {
        String domain = finished.domain().value();
        companies.save(CompanyFirmographics.merge(domain, companies.find(domain), Optional.empty(),
                finished.firmographics(), clock.instant()));
        AuditTrail trail = new AuditTrail(ids.newId(), ids, clock);
        trail.record(AuditKind.ENRICHED, ProcessEventService.COMPANY, Optional.of(domain), "enrichment",
                "late answer after the deadline: " + finished.summary(), finished.auditEvidence());
        trail.events().forEach(audit::append);
    }
}
