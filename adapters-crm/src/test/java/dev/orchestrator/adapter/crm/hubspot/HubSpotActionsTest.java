package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.actions.ActionResult;
import dev.orchestrator.application.actions.CrmTaskAction;
import dev.orchestrator.application.actions.FlagAccountAction;
import dev.orchestrator.application.port.out.actions.ActionJob;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.service.ActionPlanner;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The action layer's {@code crm_task} and {@code flag_account} executors, run through HubSpot's engagements port
 * against a portal that checks every call: a task (and a note) on the contact, once however often the job runs.
 */
class HubSpotActionsTest {
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-00000000e001");

    private final HubSpotTestPortal portal = new HubSpotTestPortal();
    private final HubSpotAdapter.Ports ports = portal.ports(s -> s);

    @AfterEach
    void stop() {
        assertThat(portal.hubSpot.violations()).isEmpty();
        portal.close();
    }

    @Test
    void a_crm_task_action_puts_one_task_on_the_hubspot_contact_even_when_the_job_runs_twice() {
        portal.hubSpot.holdOwner(FakeHubSpot.OWNER_ID, "jsmith@example.com", "John", "Smith", true);
        CrmObjectId contact = contact("ada@acme.example");
        CrmTaskAction action = new CrmTaskAction(Optional.of(ports.engagements()), "hubspot");
        ActionJob job = job("crm_task", "Call within 1 business day", contact);

        ActionResult first = action.execute(job);
        ActionResult retried = action.execute(job);

        assertThat(first).isInstanceOf(ActionResult.Sent.class);
        assertThat(retried).isEqualTo(first);
        assertThat(portal.hubSpot.engagementsOn(contact.value())).containsExactly("task: Call within 1 business day");
    }

    @Test
    void a_flag_account_action_leaves_a_note_on_the_hubspot_contact() {
        CrmObjectId contact = contact("grace@acme.example");

        ActionResult result = new FlagAccountAction(Optional.of(ports.engagements()), "hubspot")
                .execute(job("flag_account", "executive-attention", contact));

        assertThat(result).isInstanceOf(ActionResult.Sent.class);
        assertThat(portal.hubSpot.engagementsOn(contact.value()))
                .containsExactly("note: Account Acme flagged executive-attention by rule sql-on-demo.");
    }

    private CrmObjectId contact(String email) {
        return ports.live().createContact(new ContactDraft(EmailAddress.parse(email), PersonName.of("Ada", "Lovelace"),
                Optional.of("Acme"), Optional.empty(), Optional.of("sql"), Optional.empty()));
    }

    private static ActionJob job(String type, String target, CrmObjectId contact) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("transitionRule", "sql-on-demo");
        details.put("contact.email", "ada@acme.example");
        details.put("contact.stage", "sql");
        details.put("contact.owner", FakeHubSpot.OWNER_ID);
        details.put("contact.crmId", contact.value());
        details.put("company.name", "Acme");
        details.put("decidedAt", "2026-01-05T10:15:30Z");
        details.put(ActionPlanner.TASK_DUE_AT, "2026-01-06T15:15:30Z");
        return new ActionJob(ActionJob.keyOf(EVENT, "sql-handoff", 0), EVENT, "c-1", "sql-handoff", 0, type, target,
                details);
    }
}
