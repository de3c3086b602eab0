package dev.orchestrator.adapter.crm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.audit.IsoCountryCodes;
import dev.orchestrator.application.audit.SurvivorRule;
import dev.orchestrator.application.port.in.audit.AuditCrmQuery;
import dev.orchestrator.application.port.in.audit.CrmAuditReport;
import dev.orchestrator.application.port.in.audit.DuplicateCluster;
import dev.orchestrator.application.port.in.audit.Finding;
import dev.orchestrator.application.port.in.audit.FindingKind;
import dev.orchestrator.application.port.out.crm.CrmRecords;
import dev.orchestrator.application.port.out.crm.RecordType;
import dev.orchestrator.application.service.AuditCrmService;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.validate.FreeMailDomains;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The audit over the sandbox CRM with one injected problem of every kind: each is found, on its record. */
class SandboxCrmAuditTest {
    /** Which fixture record carries the problem of each kind. */
    private static final Map<FindingKind, String> INJECTED = Map.ofEntries(
            Map.entry(FindingKind.DUPLICATE_CONTACT, "duplicate"),
            Map.entry(FindingKind.DUPLICATE_COMPANY, "company:acme-uk"),
            Map.entry(FindingKind.INVALID_EMAIL, "invalid-email"),
            Map.entry(FindingKind.FREE_MAIL_EMAIL, "free-mail"),
            Map.entry(FindingKind.UNPARSEABLE_PHONE, "bad-phone"),
            Map.entry(FindingKind.PHONE_NOT_E164, "loose-phone"),
            Map.entry(FindingKind.NON_STANDARD_COUNTRY, "odd-country"),
            Map.entry(FindingKind.NON_STANDARD_INDUSTRY, "company:odd-industry"),
            Map.entry(FindingKind.COMPANY_WITHOUT_DOMAIN, "company:no-domain"),
            Map.entry(FindingKind.CONTACT_WITHOUT_COMPANY, "no-company"),
            Map.entry(FindingKind.CONTACT_WITHOUT_OWNER, "no-owner"),
            Map.entry(FindingKind.INACTIVE_OWNER, "inactive-owner"),
            Map.entry(FindingKind.STAGE_ANOMALY, "stage-anomaly"));

    private static ProblemCrm crm;
    private static CrmAuditReport report;

    @BeforeAll
    static void auditTheProblemCrm() {
        DataSource dataSource = TestDatabase.fresh();
        MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
        CrmRecords records = SandboxCrmAdapter.records(dataSource, clock);
        crm = ProblemCrm.inject(Jdbi.create(dataSource));
        report = new AuditCrmService(FreeMailDomains.shipped(), new IsoCountryCodes(), SurvivorRule.mostComplete(),
                clock).audit(new AuditCrmQuery(records, 5));
    }

    @Test
    void everyKindOfProblemIsInjectedAndNamedByTheFixture() {
        assertThat(INJECTED).containsOnlyKeys(FindingKind.values());
    }

    @ParameterizedTest
    @EnumSource(FindingKind.class)
    void eachInjectedProblemIsFoundOnItsRecord(FindingKind kind) {
        String fixture = INJECTED.get(kind);
        RecordType type = fixture.startsWith("company:") ? RecordType.COMPANY : RecordType.CONTACT;
        assertThat(report.findings()).filteredOn(f -> f.kind() == kind && f.recordType() == type)
                .extracting(Finding::recordId).contains(crm.id(fixture));
    }

    @Test
    void cleanRecordsAreNotFlagged() {
        assertThat(report.findings()).filteredOn(f -> f.recordType() == RecordType.CONTACT)
                .extracting(Finding::recordId).doesNotContain(crm.id("clean"));
        assertThat(report.findings()).filteredOn(f -> f.recordType() == RecordType.COMPANY)
                .extracting(Finding::recordId).doesNotContain(crm.id("company:clean"));
    }

    @Test
    void theDuplicateContactsFormOneClusterWithTheMatchersEvidence() {
        assertThat(report.clustersOf(FindingKind.DUPLICATE_CONTACT)).singleElement().satisfies(cluster -> {
            assertThat(cluster.recordIds()).containsExactlyInAnyOrder(crm.id("customer"), crm.id("duplicate"));
            assertThat(cluster.evidence()).singleElement().asString().contains("Duplicate");
        });
    }

    @Test
    void theMoreCompleteRecordSurvivesAMerge() {
        DuplicateCluster companies = report.clustersOf(FindingKind.DUPLICATE_COMPANY).get(0);
        assertThat(companies.survivorId()).isEqualTo(crm.id("company:acme"));
    }

    @Test
    void standardizableValuesCarryTheProposedFix() {
        assertThat(report.findings()).filteredOn(f -> f.recordId().equals(crm.id("loose-phone"))
                && f.kind() == FindingKind.PHONE_NOT_E164).singleElement()
                .satisfies(f -> assertThat(f.proposed()).contains("+16502530000"));
        assertThat(report.findings()).filteredOn(f -> f.recordId().equals(crm.id("odd-country"))).singleElement()
                .satisfies(f -> assertThat(f.proposed()).contains("DE"));
        assertThat(report.findings()).filteredOn(f -> f.recordId().equals(crm.id("company:odd-industry"))
                && f.kind() == FindingKind.NON_STANDARD_INDUSTRY).singleElement()
                .satisfies(f -> assertThat(f.proposed()).contains("software"));
    }

    @Test
    void countsAndSharesAreTakenOverTheKindsPopulation() {
        assertThat(report.contacts()).isEqualTo(12);
        assertThat(report.companies()).isEqualTo(6);
        assertThat(report.count(FindingKind.FREE_MAIL_EMAIL)).isEqualTo(1);
        assertThat(report.percent(FindingKind.FREE_MAIL_EMAIL)).isCloseTo(100.0 / 12, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theSourceIsReadPageByPage() {
        // 12 contacts, 6 companies, 3 owners and 1 deal in pages of 5: 3 + 2 + 1 + 1 requests
        assertThat(report.requests()).isEqualTo(7);
    }
}
