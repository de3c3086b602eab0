package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.actions.SlackAction;
import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.JobLedger;
import dev.orchestrator.application.port.out.QueueStats;
import dev.orchestrator.application.port.out.notify.DeliveryFailure;
import dev.orchestrator.application.port.out.notify.SlackMessage;
import dev.orchestrator.application.port.out.notify.SlackNotifier;
import dev.orchestrator.application.service.ActionPlanner;
import dev.orchestrator.application.service.DeadLetterService;
import dev.orchestrator.application.service.ErrorPolicy;
import dev.orchestrator.application.service.JobWorker;
import dev.orchestrator.application.service.OperatorAlertService;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one error policy on action jobs, against PostgreSQL: retries wait with backoff and never less than
 * {@code Retry-After}; the last attempt dead-letters with its history; an alert-class failure alerts on the first
 * refusal and opens a health alert; a replay after the fault is fixed sends exactly once.
 */
class ActionJobErrorPolicyTest {
    private static final int MAX_ATTEMPTS = 3;
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final SequentialIds ids = new SequentialIds();
    private final Deque<RuntimeException> slackAnswers = new ArrayDeque<>();
    private final List<SlackMessage> posted = new ArrayList<>();
    private final List<String> operatorTold = new ArrayList<>();
    private final Deque<RuntimeException> crmAnswers = new ArrayDeque<>();
    private PersistenceAdapter persistence;
    private JobWorker worker;
    private OperatorAlertService alerts;
    private UUID event;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        SlackNotifier slack = new SlackNotifier() {
            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public void send(SlackMessage message) {
                RuntimeException answer = slackAnswers.poll();
                if (answer != null) {
                    throw answer;
                }
                posted.add(message);
            }
        };
        alerts = new OperatorAlertService(persistence.alertLog(), (channel, reason) -> operatorTold.add(channel),
                clock);
        RunActionService runner = new RunActionService(persistence.actionOutbox(),
                List.of(new SlackAction(slack, Optional.of("https://orch.example"))), persistence.audit(),
                persistence.transactions(), Optional.of(alerts), ids, clock);
        worker = new JobWorker(persistence.jobs(), command -> {
            RuntimeException answer = crmAnswers.poll();
            if (answer != null) {
                throw answer;
            }
            return new ProcessOutcome.Done(Optional.empty(), false);
        },
                persistence.events(), persistence.audit(), new ErrorPolicy(Duration.ofSeconds(1),
                        Duration.ofSeconds(60), () -> 1.0), ids, clock, 10, Duration.ofMinutes(5),
                Optional.of(runner), Optional.of(persistence.jobLedger()), Optional.of(alerts));
        event = new StoredEvents(persistence).event(ids.newId(), "form", clock.instant(),
                Optional.of("ada@acme.com"), EventStatus.RECEIVED);
        worker.drain();
        persistence.events().updateStatus(event, EventStatus.DONE, Optional.empty()); // as the pipeline leaves it
        ActionPlanner planner = new ActionPlanner(persistence.actionOutbox(), persistence.audit(),
                persistence.companies(), persistence.signals(), () -> RulesetBuilder.aRuleset().build(), ids, clock,
                MAX_ATTEMPTS);
        persistence.transactions().inTransaction(() -> planner.queue(event, contact(), List.of(new TriggeredAction(
                "sql-handoff", "sql-on-demo", new ActionSpec("slack", "#sales-alerts", Map.of()), List.of()))));
    }

    @Test
    void aRateLimitedSendWaitsAtLeastAsLongAsSlackAskedThenSendsOnce() {
        slackAnswers.add(failure(DeliveryFailure.Kind.RETRYABLE, 429, Optional.of(Duration.ofSeconds(30))));

        worker.drain();
        clock.advance(Duration.ofSeconds(29));
        int tooEarly = worker.drain();
        clock.advance(Duration.ofSeconds(1));
        worker.drain();

        assertThat(tooEarly).isZero();
        assertThat(posted).hasSize(1);
        assertThat(stats().done()).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptTheJobIsDeadWithEveryAttemptInItsHistory() {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            slackAnswers.add(failure(DeliveryFailure.Kind.RETRYABLE, 500, Optional.empty()));
        }

        runFor(Duration.ofMinutes(5));

        assertThat(stats().dead()).isEqualTo(1);
        long jobId = persistence.jobs().deadLetters(Optional.empty(), 1).get(0).jobId();
        assertThat(persistence.jobLedger().attempts(jobId)).extracting(JobLedger.JobAttempt::outcome)
                .containsExactly("retry", "retry", "dead");
        assertThat(persistence.jobs().deadLetters(Optional.empty(), 1).get(0).error())
                .contains("gave up after 3 attempts").contains("slack answered 500");
        assertThat(persistence.events().find(event).orElseThrow().status()).isEqualTo(EventStatus.DONE);
    }

    @Test
    void anInvalidTokenAlertsOnTheFirstRefusalAndIsDeadWithoutRetrying() {
        slackAnswers.add(failure(DeliveryFailure.Kind.ALERT, 403, Optional.empty()));

        worker.drain();

        assertThat(operatorTold).containsExactly("slack");
        assertThat(alerts.openAlerts()).singleElement().extracting(a -> a.channel()).isEqualTo("slack");
        assertThat(stats().dead()).isEqualTo(1);
        long jobId = persistence.jobs().deadLetters(Optional.empty(), 1).get(0).jobId();
        assertThat(persistence.jobLedger().attempts(jobId)).hasSize(1);
    }

    @Test
    void aDeadLetterReplayedAfterTheFaultIsFixedSendsOnceAndClosesTheAlert() {
        slackAnswers.add(failure(DeliveryFailure.Kind.ALERT, 404, Optional.empty()));
        worker.drain();
        DeadLetterService deadLetters = new DeadLetterService(persistence.jobs(), persistence.events(),
                persistence.audit(), persistence.transactions(), ids, clock, Optional.of(persistence.jobLedger()));

        deadLetters.replayMatching(new dev.orchestrator.application.port.in.BulkReplayCommand(
                Optional.of("slack:404"), Optional.empty(), Optional.empty(), 10, "ops"));
        worker.drain();

        assertThat(posted).hasSize(1);
        assertThat(alerts.openAlerts()).isEmpty();
        assertThat(persistence.audit().byEntity("contact", contactId().toString())).extracting(AuditEvent::kind)
                .containsSubsequence(AuditKind.ACTION_QUEUED, AuditKind.ACTION_FAILED, AuditKind.ACTION_SENT);
    }

    @Test
    void anExpiredCrmTokenAlertsOnTheFirstEventAndTheNextProcessedEventClosesTheAlert() {
        crmAnswers.add(new dev.orchestrator.application.port.out.crm.CrmFailure(
                dev.orchestrator.application.port.out.crm.CrmFailure.Kind.ALERT, "401 expired token"));
        StoredEvents stored = new StoredEvents(persistence);
        UUID refused = stored.event(ids.newId(), "form", clock.instant(), Optional.of("b@acme.com"), EventStatus.RECEIVED);
        worker.runOnce();
        assertThat(alerts.openAlerts()).extracting(a -> a.channel()).contains("crm");
        assertThat(operatorTold).contains("crm");
        assertThat(persistence.events().find(refused).orElseThrow().status()).isEqualTo(EventStatus.DEAD);

        stored.event(ids.newId(), "form", clock.instant(), Optional.of("c@acme.com"), EventStatus.RECEIVED);
        clock.advance(Duration.ofMinutes(1));
        worker.drain();

        assertThat(alerts.openAlerts()).extracting(a -> a.channel()).doesNotContain("crm");
    }

    private void runFor(Duration total) {
        for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plusSeconds(1)) {
            worker.drain();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private QueueStats stats() {
        return persistence.jobs().stats(clock.instant());
    }

    private static DeliveryFailure failure(DeliveryFailure.Kind kind, int status, Optional<Duration> retryAfter) {
        return new DeliveryFailure(kind, "slack", status, "error " + status, retryAfter, null);
    }

    private final UUID contactId = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    private UUID contactId() {
        return contactId;
    }

    private Contact contact() {
        return new Contact(contactId, EmailAddress.parse("ada@acme.com"), PersonName.of("Ada", "Lovelace"),
                Optional.of("Acme"), Optional.of("acme.com"), Optional.empty(), Optional.of(new CrmObjectId("crm-1")),
                LifecycleStage.SQL, Optional.of("owner-01"), 40, 30, Map.of(), clock.instant(), clock.instant());
    }
}
