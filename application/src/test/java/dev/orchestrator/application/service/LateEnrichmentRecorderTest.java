package dev.orchestrator.application.service;

import static dev.orchestrator.application.port.out.enrichment.FirmographicsFixtures.aCompleteCompany;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.CompanyDirectory;
import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.enrichment.EnrichmentReport;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.merge.MergePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LateEnrichmentRecorderTest {
    private static final Instant NOW = Instant.parse("2026-01-05T10:15:30Z");
    private final CrmFirmographicsWriterTest.FakeProfiles crm = new CrmFirmographicsWriterTest.FakeProfiles();
    private final Directory companies = new Directory();
    private final Audit audit = new Audit();
    private final LateEnrichmentRecorder recorder = new LateEnrichmentRecorder(companies, audit, new SequentialIds(),
            new MutableClock(NOW), Optional.of(new CrmFirmographicsWriter(crm,
                    new CrmFirmographicsWriterTest.FakeWrittenFields(), MergePolicy.standard(), "sandbox")));

    private static EnrichmentReport late() {
        return new EnrichmentReport(new RegistrableDomain("acme.com"), aCompleteCompany("apollo"), List.of(),
                EnrichmentReport.Source.PROVIDERS, true);
    }

    @Test
    void a_late_answer_reaches_the_crm_company_we_already_wrote() {
        companies.save(new CompanyDirectory.KnownCompany("acme.com", Optional.of("Acme"), Optional.of("7"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), NOW));

        recorder.onLateReport(late());

        assertThat(crm.values).containsEntry(CompanyProfileField.EMPLOYEES, "240");
        assertThat(audit.events).anySatisfy(e -> assertThat(e.summary()).startsWith("late: company employees set"));
    }

    @Test
    void a_late_value_the_crm_refuses_is_audited_and_the_answer_still_reaches_the_directory() {
        companies.save(new CompanyDirectory.KnownCompany("acme.com", Optional.of("Acme"), Optional.of("7"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), NOW));
        crm.refusal = Optional.of(new dev.orchestrator.application.port.out.crm.CrmFailure(
                dev.orchestrator.application.port.out.crm.CrmFailure.Kind.REVIEW,
                "HubSpot update company profile 7 answered 400 VALIDATION_ERROR — rejected property 'industry'"));

        recorder.onLateReport(late());

        assertThat(companies.find("acme.com").flatMap(CompanyDirectory.KnownCompany::employees)).contains(240);
        assertThat(audit.events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(dev.orchestrator.domain.audit.AuditKind.FAILED);
            assertThat(e.summary()).startsWith("late: company firmographics not written to the CRM")
                    .contains("rejected property 'industry'");
        });
        assertThat(audit.events).anySatisfy(e -> assertThat(e.summary()).startsWith("late answer after the deadline"));
    }

    @Test
    void a_late_answer_for_a_company_not_yet_in_the_crm_stays_in_the_directory() {
        recorder.onLateReport(late());

        assertThat(crm.values).isEmpty();
        assertThat(companies.find("acme.com").flatMap(CompanyDirectory.KnownCompany::employees)).contains(240);
    }

    static final class Directory implements CompanyDirectory {
        private final Map<String, KnownCompany> byDomain = new HashMap<>();

        @Override
        public Optional<KnownCompany> find(String domain) {
            return Optional.ofNullable(byDomain.get(domain));
        }

        @Override
        public void save(KnownCompany company) {
            byDomain.put(company.domain(), company);
        }
    }

    static final class Audit implements AuditLog {
        final List<AuditEvent> events = new ArrayList<>();

        @Override
        public void append(AuditEvent event) {
            events.add(event);
        }

        @Override
        public List<AuditEvent> byCorrelation(UUID correlationId) {
            return events.stream().filter(e -> e.correlationId().equals(correlationId)).toList();
        }

        @Override
        public List<AuditEvent> byEntity(String entityType, String entityId) {
            return events.stream().filter(e -> e.entityType().equals(entityType)).toList();
        }
    }
}
