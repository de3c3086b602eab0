package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.actions.SlackAction;
import dev.orchestrator.application.port.in.BulkReplayCommand;
import dev.orchestrator.application.port.in.ReplayOutcome;
import dev.orchestrator.application.port.in.RunActionCommand;
import dev.orchestrator.application.port.in.RunActionOutcome;
import dev.orchestrator.application.port.out.ClaimedJob;
import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.JobLedger;
import dev.orchestrator.application.port.out.actions.ActionJob;
import dev.orchestrator.application.port.out.notify.SlackMessage;
import dev.orchestrator.application.port.out.notify.SlackNotifier;
import dev.orchestrator.application.service.ActionPlanner;
import dev.orchestrator.application.service.DeadLetterService;
import dev.orchestrator.application.service.RunActionService;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.intake.EventStatus;
import dev.orchestrator.domain.rules.ActionSpec;
import dev.orchestrator.domain.rules.RulesetBuilder;
import dev.orchestrator.domain.rules.TriggeredAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox against PostgreSQL: action jobs exist exactly when the decision that made them due committed, a
 * decision re-run queues nothing new, and a delivered action is never sent again when its job runs again.
 */
class ActionOutboxTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final SequentialIds ids = new SequentialIds();
    private final List<SlackMessage> posted = new ArrayList<>();
    private PersistenceAdapter persistence;
    private ActionPlanner planner;
    private RunActionService runner;
    private StoredEvents stored;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        stored = new StoredEvents(persistence);
        planner = new ActionPlanner(persistence.actionOutbox(), persistence.audit(), persistence.companies(),
                persistence.signals(), () -> RulesetBuilder.aRuleset().build(), ids, clock, 5);
        SlackNotifier slack = new SlackNotifier() {
            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public void send(SlackMessage message) {
                posted.add(message);
            }
        };
        runner = new RunActionService(persistence.actionOutbox(), List.of(new SlackAction(slack, Optional.empty())),
                persistence.audit(), persistence.transactions(), Optional.empty(), ids, clock);
    }

    @Test
    void actionsAreQueuedOnlyWhenTheDecisionThatMadeThemDueCommits() {
        UUID event = processedEvent();
        Contact contact = contact();

        assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> {
            persistence.contacts().save(contact);
            planner.queue(event, contact, List.of(slack("sql-handoff")));
            throw new IllegalStateException("the decision's transaction fails after queueing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(actionJobs()).isEmpty();
        assertThat(persistence.contacts().findById(contact.id())).isEmpty();
    }

    @Test
    void aCommittedDecisionQueuesOneJobPerActionWithItsKeyAndSnapshot() {
        UUID event = processedEvent();
        Contact contact = contact();

        persistence.transactions().inTransaction(() -> {
            persistence.contacts().save(contact);
            return planner.queue(event, contact, List.of(slack("sql-handoff"), slack("sql-handoff")));
        });

        List<ClaimedJob> jobs = actionJobs();
        assertThat(jobs).hasSize(2);
        ActionJob first = persistence.actionOutbox().job(jobs.get(0).id()).orElseThrow();
        assertThat(first.idempotencyKey()).isEqualTo(event + ":sql-handoff:0");
        assertThat(first.target()).isEqualTo("#sales-alerts");
        assertThat(first.details()).containsEntry("contact.email", "ada@acme.com")
                .containsEntry("param.template", "sql-handoff").containsEntry("contact.crmId", "crm-1");
        assertThat(persistence.audit().byEntity("contact", contact.id().toString()))
                .extracting(AuditEvent::kind).containsOnly(AuditKind.ACTION_QUEUED);
    }

    @Test
    void reRunningTheSameDecisionQueuesNothingNew() {
        UUID event = processedEvent();
        Contact contact = contact();
        persistence.transactions().inTransaction(() -> planner.queue(event, contact, List.of(slack("sql-handoff"))));

        List<ActionJob> again = persistence.transactions().inTransaction(
                () -> planner.queue(event, contact, List.of(slack("sql-handoff"))));

        assertThat(again).isEmpty();
        assertThat(actionJobs()).hasSize(1);
    }

    @Test
    void aDeliveredActionIsNotSentAgainWhenItsJobRunsAgainAfterACrash() {
        UUID event = processedEvent();
        persistence.transactions().inTransaction(() -> planner.queue(event, contact(), List.of(slack("sql-handoff"))));
        ClaimedJob job = persistence.jobs().claim(10, LEASE, clock.instant()).get(0);

        RunActionOutcome first = runner.run(new RunActionCommand(job.id(), 1, 5));
        // the worker dies here, before completing the job: the lease runs out and the job is claimed again
        clock.advance(LEASE.plusSeconds(10));
        ClaimedJob again = persistence.jobs().claim(10, LEASE, clock.instant()).get(0);
        RunActionOutcome second = runner.run(new RunActionCommand(again.id(), again.attempt(), 5));

        assertThat(first).isInstanceOf(RunActionOutcome.Sent.class);
        assertThat(second).isInstanceOf(RunActionOutcome.AlreadySent.class);
        assertThat(posted).hasSize(1);
    }

    @Test
    void aBulkReplayTakesTheDeadJobsOfOneErrorClassAndLeavesTheirProcessedEventDone() {
        UUID event = processedEvent();
        persistence.transactions().inTransaction(() -> planner.queue(event, contact(),
                List.of(slack("sql-handoff"), slack("other-rule"))));
        List<ClaimedJob> jobs = persistence.jobs().claim(10, LEASE, clock.instant());
        bury(jobs.get(0), "slack:500");
        bury(jobs.get(1), "slack:401");
        DeadLetterService deadLetters = new DeadLetterService(persistence.jobs(), persistence.events(),
                persistence.audit(), persistence.transactions(), ids, clock, Optional.of(persistence.jobLedger()));

        List<ReplayOutcome> replayed = deadLetters.replayMatching(new BulkReplayCommand(Optional.of("slack:500"),
                Optional.empty(), Optional.empty(), 100, "ops"));
        List<ReplayOutcome> rerun = deadLetters.replayMatching(new BulkReplayCommand(Optional.of("slack:500"),
                Optional.empty(), Optional.empty(), 100, "ops"));

        assertThat(replayed).singleElement().isInstanceOf(ReplayOutcome.Replayed.class)
                .extracting(ReplayOutcome::jobId).isEqualTo(jobs.get(0).id());
        assertThat(rerun).isEmpty();
        assertThat(persistence.events().find(event).orElseThrow().status()).isEqualTo(EventStatus.DONE);
        assertThat(deadLetters.detail(jobs.get(1).id()).orElseThrow().attempts())
                .extracting(JobLedger.JobAttempt::errorClass).containsExactly("slack:401");
    }

    @Test
    void anAlertIsRaisedOnceUntilItsChannelSucceedsAgain() {
        assertThat(persistence.alertLog().raise("slack", "invalid_token", clock.instant())).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(persistence.alertLog().raise("slack", "invalid_token", clock.instant())).isFalse();
        assertThat(persistence.alertLog().open()).singleElement().extracting(a -> a.channel()).isEqualTo("slack");

        persistence.alertLog().clear("slack", clock.instant());

        assertThat(persistence.alertLog().open()).isEmpty();
    }

    private void bury(ClaimedJob job, String errorClass) {
        persistence.jobLedger().recordAttempt(job.id(), new JobLedger.JobAttempt(job.attempt(), clock.instant(),
                "dead", errorClass, errorClass + " refused"));
        persistence.jobs().deadLetter(job.id(), job.leaseToken(), errorClass + " refused", clock.instant());
    }

    private List<ClaimedJob> actionJobs() {
        return persistence.jobs().claim(100, LEASE, clock.instant()).stream()
                .filter(job -> job.kind() == JobKind.RUN_ACTION).toList();
    }

    /** An event whose processing job already ran: only action jobs are left to claim. */
    private UUID processedEvent() {
        UUID event = stored.event(ids.newId(), "form", clock.instant(), Optional.of("ada@acme.com"), EventStatus.DONE);
        persistence.jobs().claim(100, LEASE, clock.instant())
                .forEach(j -> persistence.jobs().complete(j.id(), j.leaseToken(), clock.instant()));
        persistence.events().updateStatus(event, EventStatus.DONE, Optional.empty());
        return event;
    }

    private Contact contact() {
        return new Contact(ids.newId(), EmailAddress.parse("ada@acme.com"), PersonName.of("Ada", "Lovelace"),
                Optional.of("Acme"), Optional.of("acme.com"), Optional.empty(), Optional.of(new CrmObjectId("crm-1")),
                LifecycleStage.SQL, Optional.of("owner-01"), 40, 30, Map.of(), clock.instant(), clock.instant());
    }

    private static TriggeredAction slack(String rule) {
        return new TriggeredAction(rule, "sql-on-demo", new ActionSpec("slack", "#sales-alerts",
                Map.of("template", "sql-handoff")), List.of());
    }
}
