package dev.orchestrator.application.actions;

import static dev.orchestrator.application.actions.ActionJobs.anActionJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.NoteDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.application.port.out.notify.OutboundMessage;
import dev.orchestrator.application.port.out.notify.OutboundWebhooks;
import dev.orchestrator.application.port.out.notify.SlackMessage;
import dev.orchestrator.application.port.out.notify.SlackNotifier;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutorsTest {
    private final List<SlackMessage> posted = new ArrayList<>();
    private final List<TaskDraft> tasks = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();

    @Test
    void aSlackMessageCarriesTheEnrichmentTheSignalsAndTheWhyLink() {
        new SlackAction(slack(true), Optional.of("https://orch.example/")).execute(anActionJob().build());

        SlackMessage message = posted.get(0);
        assertThat(message.title()).isEqualTo("Ada Lovelace (Acme) is now sql");
        assertThat(message.facts()).contains(new SlackMessage.Fact("Employees", "1200"),
                new SlackMessage.Fact("Fit / behaviour", "40 / 30"));
        assertThat(message.signals()).containsExactly("demo_requested at 2026-01-05T10:00:00Z",
                "form_submitted at 2026-01-04T09:00:00Z");
        assertThat(message.link()).contains("https://orch.example/contacts/c-1?stage=sql");
    }

    @Test
    void withoutASlackUrlTheActionIsSkippedNotFailed() {
        ActionResult result = new SlackAction(slack(false), Optional.empty()).execute(anActionJob().build());

        assertThat(result).isInstanceOf(ActionResult.Skipped.class);
        assertThat(posted).isEmpty();
    }

    @Test
    void aCrmTaskIsDueWhenTheBusinessDayRuleSaidAndCarriesTheActionsKey() {
        new CrmTaskAction(Optional.of(engagements()), "sandbox").execute(anActionJob()
                .ofType("crm_task", "Call within 1 business day").build());

        TaskDraft task = tasks.get(0);
        assertThat(task.dueAt()).isEqualTo(Instant.parse("2026-01-06T15:15:30Z"));
        assertThat(task.idempotencyKey()).isEqualTo(ActionJobs.EVENT + ":sql-handoff:0");
        assertThat(task.subject()).isEqualTo("Call within 1 business day");
        assertThat(task.ownerId()).contains("owner-01");
    }

    @Test
    void aCrmTaskForAContactWithoutACrmIdGoesToReview() {
        CrmFailure failure = catchThrowableOfType(CrmFailure.class, () -> new CrmTaskAction(Optional.of(engagements()),
                "sandbox").execute(anActionJob().ofType("crm_task", "Call").with("contact.crmId", "").build()));

        assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
    }

    @Test
    void aSequenceActionGoesToTheSequenceRouteWithTheKeyAsMessageId() {
        List<OutboundMessage> sent = new ArrayList<>();
        new WebhookAction(webhooks(sent), MutableClock.at("2026-01-05T10:15:30Z"))
                .execute(anActionJob().ofType("sequence", "nurture-recycle").build());

        assertThat(delivered).containsExactly(OutboundWebhooks.SEQUENCE);
        assertThat(sent.get(0).id()).isEqualTo(ActionJobs.EVENT + ":sql-handoff:0");
        assertThat(sent.get(0).type()).isEqualTo("sequence.enroll");
        assertThat(sent.get(0).data()).containsEntry("target", "nurture-recycle");
    }

    @Test
    void anyOtherActionTypeGoesToTheGenericRoute() {
        List<OutboundMessage> sent = new ArrayList<>();
        new WebhookAction(webhooks(sent), MutableClock.at("2026-01-05T10:15:30Z"))
                .execute(anActionJob().ofType("notify_partner", "acme-reseller").build());

        assertThat(delivered).containsExactly(OutboundWebhooks.DEFAULT);
        assertThat(sent.get(0).type()).isEqualTo("action.notify_partner");
    }

    private SlackNotifier slack(boolean configured) {
        return new SlackNotifier() {
            @Override
            public boolean configured() {
                return configured;
            }

            @Override
            public void send(SlackMessage message) {
                posted.add(message);
            }
        };
    }

    private CrmEngagements engagements() {
        return new CrmEngagements() {
            @Override
            public CrmObjectId createTask(TaskDraft task) {
                tasks.add(task);
                return new CrmObjectId("task-" + tasks.size());
            }

            @Override
            public CrmObjectId createNote(NoteDraft note) {
                return new CrmObjectId("note-1");
            }
        };
    }

    private OutboundWebhooks webhooks(List<OutboundMessage> sent) {
        return new OutboundWebhooks() {
            @Override
            public boolean configured(String route) {
                return true;
            }

            @Override
            public void deliver(String route, OutboundMessage message) {
                delivered.add(route);
                sent.add(message);
            }
        };
    }
}
