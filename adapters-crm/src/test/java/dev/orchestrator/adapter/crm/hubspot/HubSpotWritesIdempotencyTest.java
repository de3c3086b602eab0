package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.ContactUpsert;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.DealDraft;
import dev.orchestrator.application.port.out.crm.NoteDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal applies the write, then the connection dies before the answer (a call killed mid-flight); the job is
 * retried. Search lags writes by 30 s throughout, so nothing here can lean on search to see the first write.
 */
class HubSpotWritesIdempotencyTest {
    private static final String DEAL_UPSERT = "post-/crm/v3/objects/0-3/batch/upsert_upsert";
    private static final String TASK_UPSERT = "post-/crm/v3/objects/tasks/batch/upsert_upsert";
    private static final String NOTE_UPSERT = "post-/crm/v3/objects/notes/batch/upsert_upsert";
    private static final String CONTACT_UPSERT = "post-/crm/v3/objects/contacts/batch/upsert_upsert";
    private static final String ASSOCIATE =
            "put-/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}_create";

    private final HubSpotTestPortal portal = new HubSpotTestPortal();
    private final HubSpotAdapter.Ports ports = portal.ports(s -> s);
    private CrmObjectId contact;

    @BeforeEach
    void aContactWithLaggingSearch() {
        contact = ports.live().createContact(draft("killed@midflight.example"));
        portal.hubSpot.lagSearchBy(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        assertThat(portal.hubSpot.violations()).isEmpty();
        portal.close();
    }

    @Test
    void a_deal_create_whose_answer_was_lost_is_retried_without_a_second_deal() {
        DealDraft deal = new DealDraft("sql:" + contact + ":default", "Killed mid-flight", "default",
                "appointmentscheduled", LocalDate.parse("2026-02-04"), Optional.empty(), Optional.empty());
        portal.hubSpot.dropNextAnswerTo(DEAL_UPSERT);

        CrmFailure lost = catchThrowableOfType(CrmFailure.class, () -> ports.deals().createDeal(deal));
        assertThat(lost.kind()).isEqualTo(CrmFailure.Kind.RETRYABLE);
        assertThat(portal.hubSpot.dealCount()).as("the first attempt did land").isEqualTo(1);

        CrmObjectId retried = ports.deals().createDeal(deal);
        ports.deals().associateDealWithContact(retried, contact);

        assertThat(portal.hubSpot.dealCount()).isEqualTo(1);
        assertThat(portal.hubSpot.linked("deals", retried.value(), "contacts")).containsExactly(contact.value());
    }

    @Test
    void a_task_whose_association_answer_was_lost_is_retried_into_one_task_with_one_link() {
        TaskDraft task = new TaskDraft("task:" + contact, contact, "Call back", "Demo request",
                HubSpotTestPortal.START.plusSeconds(3600), Optional.empty());
        portal.hubSpot.dropNextAnswerTo(ASSOCIATE);

        assertThat(catchThrowableOfType(CrmFailure.class, () -> ports.engagements().createTask(task)).kind())
                .isEqualTo(CrmFailure.Kind.RETRYABLE);
        ports.engagements().createTask(task);

        assertThat(portal.hubSpot.taskCount()).isEqualTo(1);
        assertThat(portal.hubSpot.engagementsOn(contact.value())).containsExactly("task: Call back");
    }

    @Test
    void a_task_and_a_note_whose_upsert_answers_were_lost_are_written_once_each() {
        portal.hubSpot.dropNextAnswerTo(TASK_UPSERT);
        portal.hubSpot.dropNextAnswerTo(NOTE_UPSERT);
        TaskDraft task = new TaskDraft("task-lost", contact, "Call", "b", HubSpotTestPortal.START, Optional.empty());
        NoteDraft note = new NoteDraft("note-lost", contact, "Web form: demo request", HubSpotTestPortal.START);

        catchThrowableOfType(CrmFailure.class, () -> ports.engagements().createTask(task));
        catchThrowableOfType(CrmFailure.class, () -> ports.engagements().createNote(note));
        ports.engagements().createTask(task);
        ports.engagements().createNote(note);

        assertThat(portal.hubSpot.taskCount()).isEqualTo(1);
        assertThat(portal.hubSpot.noteCount()).isEqualTo(1);
        assertThat(portal.hubSpot.engagementsOn(contact.value()))
                .containsExactlyInAnyOrder("task: Call", "note: Web form: demo request");
    }

    @Test
    void a_replayed_batch_whose_answer_was_lost_leaves_one_contact_per_email() {
        List<ContactDraft> drafts = IntStream.range(0, 150).mapToObj(i -> draft("replay" + i + "@bulk.example"))
                .toList();
        portal.hubSpot.dropNextAnswerTo(CONTACT_UPSERT);

        assertThat(catchThrowableOfType(CrmFailure.class, () -> ports.batches().upsertContacts(drafts)).kind())
                .isEqualTo(CrmFailure.Kind.RETRYABLE);
        List<ContactUpsert> replayed = ports.batches().upsertContacts(drafts);

        assertThat(replayed).allMatch(ContactUpsert::ok);
        assertThat(replayed.subList(0, 100)).noneMatch(ContactUpsert::created);
        assertThat(replayed.subList(100, 150)).allMatch(ContactUpsert::created);
        assertThat(portal.hubSpot.emails()).hasSize(151).doesNotHaveDuplicates();
    }

    private static ContactDraft draft(String email) {
        return new ContactDraft(EmailAddress.parse(email), PersonName.of("Kill", "Ed"), Optional.empty(),
                Optional.empty(), Optional.of("lead"), Optional.empty());
    }
}
