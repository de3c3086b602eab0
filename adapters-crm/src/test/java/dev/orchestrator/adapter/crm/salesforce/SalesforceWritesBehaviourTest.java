package dev.orchestrator.adapter.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.ContactUpsert;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.DealDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deals, tasks and batches against Salesforce's documented answers: error arrays with {@code errorCode} and
 * {@code fields} (collections: {@code statusCode}), 300 Multiple Choices, expired sessions, lost answers, and
 * {@code Sforce-Auto-Assign: false} on every write.
 */
class SalesforceWritesBehaviourTest {
    private static final Instant AT = Instant.parse("2026-01-05T10:15:30Z");

    private final FakeSalesforce org = new FakeSalesforce();
    private final SalesforceAdapter.Ports ports = SalesforceAdapter.createPorts(SalesforceSettings.of(
            org.instanceUrl(), FakeSalesforce.CLIENT_ID, FakeSalesforce.CLIENT_SECRET),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void a_deal_key_held_by_two_opportunities_is_a_300_sent_to_review() {
        org.hold("Opportunity", Map.of("Name", "Dup A", "StageName", "Prospecting", "CloseDate", "2026-02-04",
                "Orchestrator_Id__c", "sql:dup"));
        org.hold("Opportunity", Map.of("Name", "Dup B", "StageName", "Prospecting", "CloseDate", "2026-02-04",
                "Orchestrator_Id__c", "sql:dup"));

        CrmFailure failure = catchThrowableOfType(CrmFailure.class, () -> ports.deals().createDeal(deal("sql:dup",
                "Prospecting")));

        assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
        assertThat(failure.getMessage()).contains("answered 300").contains("matches more than one record");
        assertThat(org.all("Opportunity")).hasSize(2);
    }

    @Test
    void a_stage_the_org_does_not_have_is_a_review_naming_the_field_and_salesforces_code() {
        CrmFailure failure = catchThrowableOfType(CrmFailure.class, () -> ports.deals().createDeal(deal("sql:bad",
                "Won-ish")));

        assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
        assertThat(failure.getMessage()).contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
                .contains("field 'StageName'");
    }

    @Test
    void a_locked_row_is_retryable_and_a_spent_daily_allowance_waits_an_hour() {
        org.respondNext(400, "[{\"message\":\"unable to obtain exclusive access to this record\","
                + "\"errorCode\":\"UNABLE_TO_LOCK_ROW\",\"fields\":[]}]");
        CrmFailure locked = catchThrowableOfType(CrmFailure.class, () -> ports.deals().createDeal(deal("sql:lock",
                "Prospecting")));
        org.respondNext(403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        CrmFailure limited = catchThrowableOfType(CrmFailure.class, () -> ports.deals().createDeal(deal("sql:lock",
                "Prospecting")));

        assertThat(locked.kind()).isEqualTo(CrmFailure.Kind.RETRYABLE);
        assertThat(limited.kind()).isEqualTo(CrmFailure.Kind.RETRYABLE);
        assertThat(limited.retryAfter()).contains(Duration.ofHours(1));
    }

    @Test
    void an_expired_session_during_a_task_write_gets_one_fresh_token_and_one_task() {
        CrmObjectId contact = ports.gateway().createContact(contact("expired@session.example", "lead"));
        org.expireSessions();

        ports.engagements().createTask(task("task:expired", contact));

        assertThat(org.all("Task")).hasSize(1);
        assertThat(org.tokensIssued()).isEqualTo(2);
    }

    @Test
    void a_task_upsert_whose_answer_was_lost_is_retried_into_one_task() {
        CrmObjectId contact = ports.gateway().createContact(contact("lost@answer.example", "lead"));
        org.dropNextAnswerTo("/Orchestrator_Id__c/task%3Alost");

        CrmFailure lost = catchThrowableOfType(CrmFailure.class,
                () -> ports.engagements().createTask(task("task:lost", contact)));
        CrmObjectId retried = ports.engagements().createTask(task("task:lost", contact));

        assertThat(lost.kind()).isEqualTo(CrmFailure.Kind.RETRYABLE);
        assertThat(org.all("Task")).hasSize(1).first()
                .satisfies(t -> assertThat(t.path("Id").asText()).isEqualTo(retried.value()));
    }

    @Test
    void an_opportunity_upsert_whose_answer_was_lost_is_retried_into_one_opportunity() {
        org.dropNextAnswerTo("/Orchestrator_Id__c/sql%3Alost");

        catchThrowableOfType(CrmFailure.class, () -> ports.deals().createDeal(deal("sql:lost", "Prospecting")));
        ports.deals().createDeal(deal("sql:lost", "Qualification"));

        assertThat(org.all("Opportunity")).hasSize(1).first()
                .satisfies(o -> assertThat(o.path("StageName").asText()).isEqualTo("Qualification"));
    }

    @Test
    void a_refused_row_of_a_batch_fails_alone_with_salesforces_code_and_field() {
        List<ContactUpsert> results = ports.batches().upsertContacts(List.of(
                contact("good@batch.example", "lead"), contact("bad@batch.example", "not-a-stage"),
                contact("fine@batch.example", "mql")));

        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(2).ok()).isTrue();
        assertThat(results.get(1).failure()).hasValueSatisfying(failure -> {
            assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW);
            assertThat(failure.getMessage()).contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
                    .contains("Lifecycle_Stage__c");
        });
        assertThat(org.all("Contact")).hasSize(2);
    }

    @Test
    void a_contact_typed_in_by_hand_is_updated_by_a_batch_not_duplicated() {
        String typed = org.hold("Contact", Map.of("Email", "Hand@Typed.example", "LastName", "Typed"));

        List<ContactUpsert> results = ports.batches().upsertContacts(List.of(contact("hand@typed.example", "mql")));

        assertThat(results.get(0).id()).contains(new CrmObjectId(typed));
        assertThat(results.get(0).created()).isFalse();
        assertThat(org.all("Contact")).hasSize(1);
        assertThat(org.record("Contact", typed).path("Lifecycle_Stage__c").asText()).isEqualTo("mql");
    }

    @Test
    void every_deal_task_and_batch_write_tells_salesforce_not_to_run_its_assignment_rules() {
        CrmObjectId contact = ports.gateway().createContact(contact("rules@off.example", "lead"));
        CrmObjectId account = ports.gateway().createCompany(new dev.orchestrator.application.port.out.crm.CompanyDraft(
                "rules.example", Optional.of("Rules")));
        CrmObjectId deal = ports.deals().createDeal(deal("sql:rules", "Prospecting"));
        ports.deals().associateDealWithContact(deal, contact);
        ports.deals().associateDealWithCompany(deal, account);
        ports.deals().updateDeal(deal, deal("sql:rules", "Qualification"));
        ports.engagements().createTask(task("task:rules", contact));
        ports.engagements().createNote(new dev.orchestrator.application.port.out.crm.NoteDraft("note:rules", contact,
                "Web form", AT));
        ports.batches().upsertContacts(List.of(contact("rules@off.example", "mql"), contact("new@rules.example",
                "lead")));

        List<FakeSalesforce.Received> writes = org.received().stream()
                .filter(r -> !r.method().equals("GET") && !r.path().endsWith("/oauth2/token")).toList();
        assertThat(writes).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(w -> assertThat(w.headers()).containsEntry("sforce-auto-assign", "false"));
        assertThat(org.violations()).isEmpty();
    }

    private static DealDraft deal(String key, String stage) {
        return new DealDraft(key, "Deal " + key, "New business", stage, LocalDate.parse("2026-02-04"),
                Optional.empty(), Optional.empty());
    }

    private static TaskDraft task(String key, CrmObjectId contact) {
        return new TaskDraft(key, contact, "Call back", "Demo request", AT, Optional.empty());
    }

    private static ContactDraft contact(String email, String stage) {
        return new ContactDraft(EmailAddress.parse(email), PersonName.of("Bat", "Ch"), Optional.empty(),
                Optional.empty(), Optional.of(stage), Optional.empty());
    }
}
