package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.adapter.persistence.audit.AuditPersistence;
import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.audit.IsoCountryCodes;
import dev.orchestrator.application.audit.OwnerReassignment;
import dev.orchestrator.application.audit.SurvivorRule;
import dev.orchestrator.application.port.in.audit.AuditCrmQuery;
import dev.orchestrator.application.port.in.audit.BackfillItem;
import dev.orchestrator.application.port.in.audit.BackfillJob;
import dev.orchestrator.application.port.in.audit.BackfillRate;
import dev.orchestrator.application.port.in.audit.BackfillRunReport;
import dev.orchestrator.application.port.in.audit.CrmAuditReport;
import dev.orchestrator.application.port.in.audit.Finding;
import dev.orchestrator.application.port.in.audit.FindingKind;
import dev.orchestrator.application.port.in.audit.FixKind;
import dev.orchestrator.application.port.in.audit.ItemStatus;
import dev.orchestrator.application.port.in.audit.JobStatus;
import dev.orchestrator.application.port.in.audit.PlanBackfillCommand;
import dev.orchestrator.application.port.in.audit.RunBackfillCommand;
import dev.orchestrator.application.service.AuditCrmService;
import dev.orchestrator.application.service.CrmBackfillService;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.application.validate.FreeMailDomains;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data-quality backfill end to end on a Salesforce-shaped org: the audit reads it through SOQL, the dry run
 * plans, and the run writes through REST and merges through the SOAP API, each change in the audit trail.
 */
class SalesforceBackfillTest {
    private static final String ANN = "005000000000001AAA";
    private static final String BEN = "005000000000002AAA";

    private final FakeSalesforce org = new FakeSalesforce();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SalesforceSettings settings = SalesforceSettings.of(org.instanceUrl(), FakeSalesforce.CLIENT_ID,
            FakeSalesforce.CLIENT_SECRET);
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private CrmBackfillService backfill;

    @BeforeEach
    void orgWithProblems() {
        org.holdWithId("User", ANN, Map.of("Email", "ann@example.com", "FirstName", "Ann", "LastName", "Rep",
                "IsActive", true, "UserType", "Standard"));
        org.holdWithId("User", BEN, Map.of("Email", "ben@example.com", "FirstName", "Ben", "LastName", "Rep",
                "IsActive", true, "UserType", "Standard"));
        PersistenceAdapter persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, new SequentialIds());
        backfill = new CrmBackfillService(SalesforceAdapter.fixes(settings, http),
                AuditPersistence.backfillJobs(persistence.jdbi()), persistence.audit(), OwnerReassignment.roundRobin(),
                new SequentialIds(), clock, clock::advance);
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private CrmAuditReport audit() {
        return new AuditCrmService(FreeMailDomains.shipped(), new IsoCountryCodes(), SurvivorRule.mostComplete(),
                clock).audit(AuditCrmQuery.of(SalesforceAdapter.records(settings, http)));
    }

    private BackfillJob plan() {
        return backfill.plan(new PlanBackfillCommand(audit(), 2, "ops@example.com"));
    }

    private BackfillRunReport run(BackfillJob job) {
        return backfill.run(new RunBackfillCommand(job.id(), new BackfillRate(1_000, 10_000), () -> false,
                "ops@example.com"));
    }

    @Test
    void a_run_fixes_fields_and_merges_duplicates_in_the_org() {
        String globex = org.hold("Account", Map.of("Name", "Globex", "Website", "globex.com", "OwnerId", ANN,
                "BillingCountry", "US"));
        String loosePhone = org.hold("Contact", Map.of("FirstName", "Lee", "LastName", "Park",
                "Email", "lee@globex.com", "Phone", "(650) 253-0000", "MailingCountry", "US", "OwnerId", ANN,
                "AccountId", globex));
        String oddCountry = org.hold("Contact", Map.of("FirstName", "Uwe", "LastName", "Kern",
                "Email", "uwe@globex.com", "MailingCountry", "Deutschland", "OwnerId", BEN, "AccountId", globex));
        String sparse = org.hold("Contact", Map.of("FirstName", "Carl", "LastName", "Moss",
                "Email", "carl@globex.com", "OwnerId", ANN, "AccountId", globex));
        String fuller = org.hold("Contact", Map.of("FirstName", "Carl", "LastName", "Moss",
                "Email", "carl@globex.com", "Phone", "+14155550101", "MailingCountry", "US", "OwnerId", ANN,
                "AccountId", globex));
        String task = org.hold("Task", Map.of("WhoId", sparse, "Subject", "Intro call"));

        BackfillJob job = plan();
        BackfillRunReport report = run(job);

        assertThat(backfill.items(job.id())).extracting(BackfillItem::kind).contains(FixKind.SET_FIELD,
                FixKind.MERGE);
        assertThat(report.job().status()).isEqualTo(JobStatus.FINISHED);
        assertThat(backfill.items(job.id())).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.DONE));
        assertThat(org.record("Contact", loosePhone).path("Phone").asText()).isEqualTo("+16502530000");
        assertThat(org.record("Contact", oddCountry).path("MailingCountry").asText()).isEqualTo("DE");
        assertThat(org.holds("Contact", sparse)).isFalse();
        assertThat(org.deleted("Contact", sparse).path("MasterRecordId").asText()).isEqualTo(fuller);
        assertThat(org.record("Task", task).path("WhoId").asText()).isEqualTo(fuller);
        assertThat(org.violations()).isEmpty();
    }

    @Test
    void an_industry_from_the_orgs_picklist_that_the_taxonomy_maps_is_no_finding_and_one_it_does_not_map_is() {
        org.hold("Account", Map.of("Name", "Globex", "OwnerId", ANN, "Industry", "Technology"));
        String shipyard = org.hold("Account", Map.of("Name", "Shipyard", "OwnerId", ANN, "Industry", "Shipbuilding"));

        CrmAuditReport report = audit();

        assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.NON_STANDARD_INDUSTRY)
                .extracting(Finding::recordId).containsExactly(shipyard);
    }

    @Test
    void a_merged_account_takes_its_twins_contacts_and_the_second_run_finds_nothing_to_do() {
        String kept = org.hold("Account", Map.of("Name", "Initech", "Website", "initech.com", "OwnerId", ANN,
                "BillingCountry", "US"));
        String twin = org.hold("Account", Map.of("Name", "Initech Inc.", "Website", "www.initech.com", "OwnerId",
                ANN));
        String peter = org.hold("Contact", Map.of("FirstName", "Peter", "LastName", "Gibbons",
                "Email", "peter@initech.com", "Phone", "+14155550102", "MailingCountry", "US", "OwnerId", ANN,
                "AccountId", twin));

        BackfillJob job = plan();
        run(job);

        assertThat(org.holds("Account", twin)).isFalse();
        assertThat(org.deleted("Account", twin).path("MasterRecordId").asText()).isEqualTo(kept);
        assertThat(org.record("Contact", peter).path("AccountId").asText()).isEqualTo(kept);
        assertThat(backfill.items(plan().id())).isEmpty();
    }
}
