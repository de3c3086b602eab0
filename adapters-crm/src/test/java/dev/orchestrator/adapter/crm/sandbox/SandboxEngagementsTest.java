package dev.orchestrator.adapter.crm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.NoteDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxEngagementsTest {
    private static final Instant DUE = Instant.parse("2026-01-06T10:00:00Z");
    private static CrmEngagements engagements;
    private static CrmGateway gateway;
    private static Jdbi jdbi;

    @BeforeAll
    static void createCrm() {
        DataSource dataSource = TestDatabase.fresh();
        MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
        gateway = SandboxCrmAdapter.create(dataSource, clock);
        engagements = SandboxCrmAdapter.engagements(dataSource, clock);
        jdbi = Jdbi.create(dataSource);
    }

    @Test
    void aTaskWrittenTwiceWithOneKeyIsOneTask() {
        CrmObjectId contact = contact("twice@acme.example");
        TaskDraft task = new TaskDraft("task-twice", contact, "Call within 1 business day", "SQL hand-off", DUE,
                Optional.of("101"));

        CrmObjectId first = engagements.createTask(task);
        CrmObjectId again = engagements.createTask(task);

        assertThat(again).isEqualTo(first);
        assertThat(count("task", contact)).isEqualTo(1);
    }

    @Test
    void notesWithDifferentKeysAreDifferentNotes() {
        CrmObjectId contact = contact("notes@acme.example");

        engagements.createNote(new NoteDraft("note-1", contact, "Form submitted", DUE));
        engagements.createNote(new NoteDraft("note-2", contact, "Became MQL", DUE));

        assertThat(count("note", contact)).isEqualTo(2);
    }

    @Test
    void aTaskOnAContactTheCrmDoesNotHoldIsForReview() {
        TaskDraft task = new TaskDraft("task-nobody", new CrmObjectId("999999"), "Call", "", DUE, Optional.empty());

        assertThatThrownBy(() -> engagements.createTask(task))
                .isInstanceOfSatisfying(CrmFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW));
    }

    private static CrmObjectId contact(String email) {
        return gateway.createContact(new ContactDraft(EmailAddress.parse(email), PersonName.of("Jane", "Doe"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static long count(String kind, CrmObjectId contact) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from sandbox_crm.engagements where kind = :kind and contact_id = :contact")
                .bind("kind", kind).bind("contact", Long.parseLong(contact.value())).mapTo(Long.class).one());
    }
}
