package dev.orchestrator.adapter.crm.sandbox;

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
import dev.orchestrator.application.port.in.audit.FixKind;
import dev.orchestrator.application.port.in.audit.ItemStatus;
import dev.orchestrator.application.port.in.audit.JobStatus;
import dev.orchestrator.application.port.in.audit.PlanBackfillCommand;
import dev.orchestrator.application.port.in.audit.RunBackfillCommand;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordType;
import dev.orchestrator.application.service.AuditCrmService;
import dev.orchestrator.application.service.CrmBackfillService;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.application.validate.FreeMailDomains;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backfill on the sandbox CRM with injected problems: a dry run that writes nothing, a real run paced to the
 * configured rate (on a clock the sleeper moves, so the figures are exact), a run stopped and a run killed, both
 * resumed to the same end state, approval of large merges, the daily budget and undo.
 */
class SandboxCrmBackfillTest {
    private static final BackfillRate RATE = new BackfillRate(4, 10_000);

    private MutableClock clock;
    private Jdbi jdbi;
    private ProblemCrm crm;
    private CrmRecordFixes fixes;
    private PersistenceAdapter persistence;
    private DataSource dataSource;
    private final List<Duration> sleeps = new ArrayList<>();
    private final SequentialIds ids = new SequentialIds();

    @BeforeEach
    void freshProblemCrm() {
        dataSource = TestDatabase.fresh();
        clock = MutableClock.at("2026-01-05T10:15:30Z");
        persistence = PersistenceAdapter.create(dataSource, clock, new SequentialIds());
        fixes = SandboxCrmAdapter.fixes(dataSource, clock);
        jdbi = Jdbi.create(dataSource);
        crm = ProblemCrm.inject(jdbi);
    }

    private CrmBackfillService service(CrmRecordFixes through) {
        return new CrmBackfillService(through, AuditPersistence.backfillJobs(persistence.jdbi()), persistence.audit(),
                OwnerReassignment.roundRobin(), ids, clock, d -> {
                    sleeps.add(d);
                    clock.advance(d);
                });
    }

    private CrmAuditReport audit() {
        return new AuditCrmService(FreeMailDomains.shipped(), new IsoCountryCodes(), SurvivorRule.mostComplete(),
                clock).audit(AuditCrmQuery.of(SandboxCrmAdapter.records(dataSource, clock)));
    }

    private BackfillJob plan(CrmBackfillService service, int approvalAbove) {
        return service.plan(new PlanBackfillCommand(audit(), approvalAbove, "ops@example.com"));
    }

    private static RunBackfillCommand run(BackfillJob job, BackfillRate rate) {
        return new RunBackfillCommand(job.id(), rate, () -> false, "ops@example.com");
    }

    private String contact(String column, String fixture) {
        return jdbi.withHandle(h -> h.createQuery("select " + column + " from sandbox_crm.contacts where id = :id")
                .bind("id", Long.parseLong(crm.id(fixture))).mapTo(String.class).findOne().orElse(null));
    }

    private String company(String column, String fixture) {
        return jdbi.withHandle(h -> h.createQuery("select " + column + " from sandbox_crm.companies where id = :id")
                .bind("id", Long.parseLong(crm.id("company:" + fixture))).mapTo(String.class).findOne().orElse(null));
    }

    private String snapshot() {
        return jdbi.withHandle(h -> h.createQuery("""
                select (select string_agg(concat_ws('|', id, email, phone, country, hubspot_owner_id, company_id), ';'
                        order by id) from sandbox_crm.contacts)
                    || '#' || (select string_agg(concat_ws('|', id, domain, industry, country, hubspot_owner_id), ';'
                        order by id) from sandbox_crm.companies)""").mapTo(String.class).one());
    }

    @Test
    void aDryRunPlansRecordByRecordAndWritesNothing() {
        String before = snapshot();
        CrmBackfillService service = service(fixes);

        BackfillJob job = plan(service, 2);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(job.status()).isEqualTo(JobStatus.PLANNED);
        assertThat(service.items(job.id())).extracting(BackfillItem::kind, BackfillItem::recordId,
                        i -> i.field().map(RecordField::key).orElse(""), BackfillItem::before, BackfillItem::after)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(FixKind.SET_FIELD, crm.id("loose-phone"), "phone",
                                "(650) 253-0000", "+16502530000"),
                        org.assertj.core.groups.Tuple.tuple(FixKind.SET_FIELD, crm.id("odd-country"), "country",
                                "Deutschland", "DE"),
                        org.assertj.core.groups.Tuple.tuple(FixKind.SET_FIELD, crm.id("company:odd-industry"),
                                "industry", "Computer Software", "software"),
                        org.assertj.core.groups.Tuple.tuple(FixKind.REASSIGN_OWNER, crm.id("no-owner"), "owner", "",
                                "o2"),
                        org.assertj.core.groups.Tuple.tuple(FixKind.REASSIGN_OWNER, crm.id("inactive-owner"), "owner",
                                "o3", "o1"));
    }

    @Test
    void aRealRunAppliesEveryFixAndAuditsEachChange() {
        CrmBackfillService service = service(fixes);
        BackfillJob job = plan(service, 2);

        BackfillRunReport report = service.run(run(job, RATE));

        assertThat(report.job().status()).isEqualTo(JobStatus.FINISHED);
        assertThat(contact("phone", "loose-phone")).isEqualTo("+16502530000");
        assertThat(contact("country", "odd-country")).isEqualTo("DE");
        assertThat(company("industry", "odd-industry")).isEqualTo("software");
        assertThat(company("country", "odd-industry")).isEqualTo("DE");
        assertThat(contact("hubspot_owner_id", "no-owner")).isIn("o1", "o2");
        assertThat(contact("hubspot_owner_id", "inactive-owner")).isIn("o1", "o2");
        assertThat(contact("id", "duplicate")).isNull();
        assertThat(service.items(job.id())).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.DONE));
        List<AuditEvent> events = events(job);
        assertThat(events).hasSize(service.items(job.id()).size());
        assertThat(events).filteredOn(e -> e.kind() == AuditKind.CORRECTED)
                .anySatisfy(e -> assertThat(e.evidence()).containsEntry("before", "(650) 253-0000")
                        .containsEntry("after", "+16502530000"));
    }

    @Test
    void aRunKeepsToTheConfiguredRate() {
        CrmBackfillService service = service(fixes);
        BackfillJob job = plan(service, 2);

        BackfillRunReport report = service.run(run(job, RATE));

        // the first request goes at once, every later one a quarter second after the one before
        assertThat(report.requests()).isGreaterThan(10);
        assertThat(report.elapsed()).isEqualTo(Duration.ofMillis(250).multipliedBy(report.requests() - 1));
        assertThat(report.achievedRate()).isLessThanOrEqualTo(RATE.perSecond());
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(250)));
        System.out.printf("backfill on the sandbox CRM: %d items, %d requests in %.2f s = %.2f requests/s (limit %.1f/s)%n",
                report.done(), report.requests(), report.elapsed().toMillis() / 1000.0, report.achievedRate(),
                RATE.perSecond());
    }

    @Test
    void aStoppedRunResumesWhereItStoppedAndDoesEachItemOnce() {
        CrmBackfillService service = service(fixes);
        BackfillJob job = plan(service, 2);
        AtomicInteger asked = new AtomicInteger();

        BackfillRunReport first = service.run(new RunBackfillCommand(job.id(), RATE, () -> asked.incrementAndGet() > 3,
                "ops@example.com"));
        BackfillRunReport second = service.run(run(job, RATE));

        assertThat(first.job().status()).isEqualTo(JobStatus.STOPPED);
        assertThat(first.done()).isEqualTo(3);
        assertThat(second.job().status()).isEqualTo(JobStatus.FINISHED);
        assertThat(first.done() + second.done()).isEqualTo(job.items());
        assertThat(events(job)).hasSize(job.items());
        assertThat(contact("phone", "loose-phone")).isEqualTo("+16502530000");
    }

    @Test
    void aRunKilledMidWayResumesToTheSameEndState() {
        // the "kill": the process dies inside the fifth write, after the CRM was asked and before progress was saved
        AtomicInteger writes = new AtomicInteger();
        CrmRecordFixes dying = new CrmRecordFixes() {
            @Override
            public String name() {
                return fixes.name();
            }

            @Override
            public Map<RecordField, String> read(RecordType type, String id, Set<RecordField> fields) {
                return fixes.read(type, id, fields);
            }

            @Override
            public void write(RecordType type, String id, Map<RecordField, String> values) {
                fixes.write(type, id, values);
                if (writes.incrementAndGet() == 5) {
                    throw new Killed();
                }
            }

            @Override
            public boolean merge(RecordType type, String winnerId, String loserId) {
                return fixes.merge(type, winnerId, loserId);
            }
        };
        BackfillJob job = plan(service(dying), 2);
        try {
            service(dying).run(run(job, RATE));
        } catch (Killed expected) {
            // the process is gone; what was saved is what the next process sees
        }
        long doneAtKill = service(fixes).items(job.id()).stream().filter(i -> i.status() == ItemStatus.DONE).count();

        BackfillRunReport resumed = service(fixes).run(run(job, RATE));

        assertThat(doneAtKill).isEqualTo(4);
        assertThat(resumed.job().status()).isEqualTo(JobStatus.FINISHED);
        assertThat(service(fixes).items(job.id())).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.DONE));
        assertThat(contact("phone", "loose-phone")).isEqualTo("+16502530000");
        assertThat(contact("id", "duplicate")).isNull();
    }

    @Test
    void aMergeOfALargerClusterWaitsForApproval() {
        CrmBackfillService service = service(fixes);
        BackfillJob job = plan(service, 1);

        BackfillRunReport run = service.run(run(job, RATE));
        BackfillItem merge = service.items(job.id()).stream().filter(i -> i.kind() == FixKind.MERGE
                && i.recordType() == RecordType.CONTACT).findFirst().orElseThrow();

        assertThat(run.awaitingApproval()).isEqualTo(2);
        assertThat(merge.status()).isEqualTo(ItemStatus.AWAITING_APPROVAL);
        assertThat(contact("id", "duplicate")).isNotNull();

        service.approve(job.id(), merge.seq(), "lead@example.com");
        service.run(run(job, RATE));

        assertThat(contact("id", "duplicate")).isNull();
        String mergedInto = jdbi.withHandle(h -> h.createQuery("""
                        select into_id::text from sandbox_crm.merged_records where object_type = 'contact'
                        and merged_id = :id""").bind("id", Long.parseLong(crm.id("duplicate"))).mapTo(String.class)
                .one());
        assertThat(mergedInto).isEqualTo(crm.id("customer"));
    }

    @Test
    void aMergeCountsItsCheckAndTheMergeAgainstThePaceAndTheBudget() {
        CrmBackfillService service = service(fixes);
        BackfillJob job = plan(service, 2);

        BackfillRunReport report = service.run(run(job, RATE));

        List<BackfillItem> items = service.items(job.id());
        assertThat(items).anyMatch(i -> i.kind() == FixKind.MERGE && i.status() == ItemStatus.DONE);
        // a field: its read, and its write unless it already held the value; a merge: check and merge per record
        long expected = items.stream().mapToLong(i -> i.kind() == FixKind.MERGE ? 2L * i.mergeIds().size()
                : i.note().equals("written") ? 2 : 1).sum();
        assertThat(report.requests()).isEqualTo(expected);
        assertThat(report.elapsed()).isEqualTo(Duration.ofMillis(250).multipliedBy(expected - 1));
    }

    @Test
    void aSpentDailyBudgetStopsTheRunUntilTheNextDay() {
        CrmBackfillService service = service(fixes);
        BackfillJob job = plan(service, 2);

        BackfillRunReport today = service.run(run(job, new BackfillRate(4, 5)));
        clock.set(Instant.parse("2026-01-06T00:00:01Z"));
        BackfillRunReport tomorrow = service.run(run(job, new BackfillRate(4, 10_000)));

        assertThat(today.job().status()).isEqualTo(JobStatus.DAILY_LIMIT);
        assertThat(today.requests()).isLessThanOrEqualTo(5);
        assertThat(tomorrow.job().status()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void undoWritesTheBeforeValuesBackAndLeavesMergesAlone() {
        CrmBackfillService service = service(fixes);
        BackfillJob job = plan(service, 2);
        service.run(run(job, RATE));

        BackfillRunReport undo = service.undo(run(job, RATE));

        assertThat(undo.job().status()).isEqualTo(JobStatus.UNDONE);
        assertThat(contact("phone", "loose-phone")).isEqualTo("(650) 253-0000");
        assertThat(contact("country", "odd-country")).isEqualTo("Deutschland");
        assertThat(contact("hubspot_owner_id", "no-owner")).isNull();
        assertThat(contact("id", "duplicate")).isNull();
    }

    @Test
    void aFieldChangedSinceTheDryRunIsLeftAlone() {
        CrmBackfillService service = service(fixes);
        BackfillJob job = plan(service, 2);
        jdbi.useHandle(h -> h.execute("update sandbox_crm.contacts set phone = '+16505550000' where id = "
                + crm.id("loose-phone")));

        service.run(run(job, RATE));

        assertThat(contact("phone", "loose-phone")).isEqualTo("+16505550000");
        assertThat(service.items(job.id())).filteredOn(i -> i.recordId().equals(crm.id("loose-phone"))
                && i.field().equals(java.util.Optional.of(RecordField.PHONE))).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(ItemStatus.SKIPPED));
    }

    private List<AuditEvent> events(BackfillJob job) {
        AuditLog audit = persistence.audit();
        return audit.byCorrelation(job.id());
    }

    /** Stands for the process dying. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

}
