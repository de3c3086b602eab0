package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.actions.ActionExecutor;
import dev.orchestrator.application.actions.ActionResult;
import dev.orchestrator.application.port.out.actions.ActionJob;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.NoteDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.application.service.ActionPlanner;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CRM tasks and account flags go to the configured CRM's engagements port, whichever CRM that is. */
class ActionWiringCrmTest {
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-00000000e001");

    private final List<TaskDraft> tasks = new ArrayList<>();
    private final List<NoteDraft> notes = new ArrayList<>();
    private final CrmEngagements hubSpotEngagements = new CrmEngagements() {
        @Override
        public CrmObjectId createTask(TaskDraft task) {
            tasks.add(task);
            return new CrmObjectId("task-" + tasks.size());
        }

        @Override
        public CrmObjectId createNote(NoteDraft note) {
            notes.add(note);
            return new CrmObjectId("note-" + notes.size());
        }
    };

    @Test
    void a_crm_task_on_hubspot_is_written_through_the_crms_engagements() {
        ActionResult result = executorFor("crm_task").execute(job("crm_task", "Call within 1 business day"));

        assertThat(result).isInstanceOf(ActionResult.Sent.class);
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.subject()).isEqualTo("Call within 1 business day");
            assertThat(task.contactId()).isEqualTo(new CrmObjectId("101"));
        });
    }

    @Test
    void a_flag_account_on_hubspot_is_written_as_a_note_through_the_crms_engagements() {
        ActionResult result = executorFor("flag_account").execute(job("flag_account", "executive-attention"));

        assertThat(result).isInstanceOf(ActionResult.Sent.class);
        assertThat(notes).singleElement().satisfies(note -> assertThat(note.body()).contains("executive-attention"));
    }

    private ActionExecutor executorFor(String type) {
        return ActionWiring.crmActions(hubSpotEngagements, "hubspot").stream().filter(e -> e.handles(type))
                .findFirst().orElseThrow();
    }

    private static ActionJob job(String type, String target) {
        return new ActionJob(ActionJob.keyOf(EVENT, "sql-handoff", 0), EVENT, "c-1", "sql-handoff", 0, type, target,
                Map.of("contact.crmId", "101", "company.name", "Acme", ActionPlanner.TASK_DUE_AT,
                        "2026-01-06T15:15:30Z", "decidedAt", "2026-01-05T10:15:30Z"));
    }
}
