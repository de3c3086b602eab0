package dev.orchestrator.adapter.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.crm.CompanyDraft;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.ContactUpsert;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmDeals;
import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.DealDraft;
import dev.orchestrator.application.port.out.crm.NoteDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every CRM promises for deals ({@link CrmDeals}), notes and tasks ({@link CrmEngagements}) and batch upserts
 * ({@link CrmContactBatches}), whatever CRM is behind them. Each adapter's test extends it; the hooks read the CRM's
 * own records (bypassing the ports), so "one deal" means one deal in the CRM, not one id in our answers.
 */
public abstract class CrmWritesContract {
    protected static final Instant AT = Instant.parse("2026-01-05T10:15:30Z");
    protected static final LocalDate CLOSE = LocalDate.parse("2026-02-04");

    protected abstract CrmGateway gateway();

    protected abstract CrmDeals deals();

    protected abstract CrmEngagements engagements();

    protected abstract CrmContactBatches batches();

    protected abstract void resetCrm();

    /** The pipeline deals are made in, and two of its open stages, in the CRM's internal values. */
    protected abstract String pipeline();

    protected abstract String otherPipeline();

    protected abstract String firstStage();

    protected abstract String laterStage();

    /** A person marks the deal won in the CRM. */
    protected abstract void crmWinsDeal(CrmObjectId dealId);

    protected abstract int dealCount();

    protected abstract String stageOf(CrmObjectId dealId);

    protected abstract Set<CrmObjectId> contactsOfDeal(CrmObjectId dealId);

    protected abstract Set<CrmObjectId> companiesOfDeal(CrmObjectId dealId);

    /** Notes and tasks the CRM holds on this contact, as ("note"|"task") + ": " + subject-or-body. */
    protected abstract List<String> engagementsOn(CrmObjectId contactId);

    /** A contact that exists only in the CRM, not through us, to reference. */
    protected abstract CrmObjectId missingContactId();

    @BeforeEach
    void emptyCrm() {
        resetCrm();
    }

    // ---- deals -----------------------------------------------------------------------------------------------

    @Test
    void a_contact_without_deals_has_no_open_deal() {
        CrmObjectId contact = contact("nodeal@deals.example");

        assertThat(deals().findOpenDeal(contact, pipeline())).isEmpty();
    }

    @Test
    void a_created_deal_linked_to_its_contact_is_found_as_the_open_deal_of_its_pipeline() {
        CrmObjectId contact = contact("open@deals.example");
        CrmObjectId deal = deals().createDeal(aDeal("key-open", firstStage()));
        deals().associateDealWithContact(deal, contact);

        assertThat(deals().findOpenDeal(contact, pipeline())).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(deal);
            assertThat(found.name()).isEqualTo("Acme — open@deals.example");
            assertThat(found.pipeline()).isEqualTo(pipeline());
            assertThat(found.stage()).isEqualTo(firstStage());
        });
    }

    @Test
    void a_deal_in_another_pipeline_is_not_the_open_deal_of_this_one() {
        CrmObjectId contact = contact("other@deals.example");
        DealDraft draft = aDeal("key-other", firstStage());
        CrmObjectId deal = deals().createDeal(new DealDraft(draft.idempotencyKey(), draft.name(), otherPipeline(),
                draft.stage(), draft.closeDate(), draft.amount(), draft.ownerId()));
        deals().associateDealWithContact(deal, contact);

        assertThat(deals().findOpenDeal(contact, pipeline())).isEmpty();
    }

    @Test
    void a_won_deal_is_not_open() {
        CrmObjectId contact = contact("won@deals.example");
        CrmObjectId deal = deals().createDeal(aDeal("key-won", firstStage()));
        deals().associateDealWithContact(deal, contact);

        crmWinsDeal(deal);

        assertThat(deals().findOpenDeal(contact, pipeline())).isEmpty();
    }

    @Test
    void creating_a_deal_again_with_its_idempotency_key_writes_the_same_deal() {
        CrmObjectId first = deals().createDeal(aDeal("key-retried", firstStage()));

        CrmObjectId second = deals().createDeal(aDeal("key-retried", laterStage()));

        assertThat(second).isEqualTo(first);
        assertThat(dealCount()).isEqualTo(1);
        assertThat(stageOf(first)).isEqualTo(laterStage());
    }

    @Test
    void deals_with_different_idempotency_keys_are_different_deals() {
        CrmObjectId first = deals().createDeal(aDeal("key-a", firstStage()));
        CrmObjectId second = deals().createDeal(aDeal("key-b", firstStage()));

        assertThat(second).isNotEqualTo(first);
        assertThat(dealCount()).isEqualTo(2);
    }

    @Test
    void updating_a_deal_found_by_search_moves_its_stage() {
        CrmObjectId deal = deals().createDeal(aDeal("key-update", firstStage()));

        deals().updateDeal(deal, aDeal("key-update", laterStage()));

        assertThat(stageOf(deal)).isEqualTo(laterStage());
    }

    @Test
    void linking_a_deal_to_its_contact_and_company_twice_leaves_one_link_each() {
        CrmObjectId contact = contact("linked@deals.example");
        CrmObjectId company = gateway().createCompany(new CompanyDraft("deals.example", Optional.of("Deals Inc")));
        CrmObjectId deal = deals().createDeal(aDeal("key-linked", firstStage()));

        deals().associateDealWithContact(deal, contact);
        deals().associateDealWithContact(deal, contact);
        deals().associateDealWithCompany(deal, company);
        deals().associateDealWithCompany(deal, company);

        assertThat(contactsOfDeal(deal)).containsExactly(contact);
        assertThat(companiesOfDeal(deal)).containsExactly(company);
    }

    @Test
    void linking_a_deal_to_a_contact_the_crm_does_not_have_goes_to_review() {
        CrmObjectId deal = deals().createDeal(aDeal("key-dangling", firstStage()));

        assertThatThrownBy(() -> deals().associateDealWithContact(deal, missingContactId()))
                .isInstanceOfSatisfying(CrmFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW));
    }

    // ---- notes and tasks -------------------------------------------------------------------------------------

    @Test
    void a_task_written_twice_with_one_idempotency_key_is_one_task_on_the_contact() {
        CrmObjectId contact = contact("task@engage.example");

        CrmObjectId first = engagements().createTask(aTask("task-1", contact, "Call back within the hour"));
        CrmObjectId second = engagements().createTask(aTask("task-1", contact, "Call back within the hour"));

        assertThat(second).isEqualTo(first);
        assertThat(engagementsOn(contact)).containsExactly("task: Call back within the hour");
    }

    @Test
    void a_note_written_twice_with_one_idempotency_key_is_one_note_on_the_contact() {
        CrmObjectId contact = contact("note@engage.example");

        CrmObjectId first = engagements().createNote(aNote("note-1", contact, "Demo request; score 72; routed"));
        CrmObjectId second = engagements().createNote(aNote("note-1", contact, "Demo request; score 72; routed"));

        assertThat(second).isEqualTo(first);
        assertThat(engagementsOn(contact)).containsExactly("note: Demo request; score 72; routed");
    }

    @Test
    void tasks_with_different_keys_are_different_tasks() {
        CrmObjectId contact = contact("tasks@engage.example");

        engagements().createTask(aTask("task-a", contact, "First call"));
        engagements().createTask(aTask("task-b", contact, "Second call"));

        assertThat(engagementsOn(contact)).containsExactlyInAnyOrder("task: First call", "task: Second call");
    }

    @Test
    void a_task_on_a_contact_the_crm_does_not_have_goes_to_review() {
        assertThatThrownBy(() -> engagements().createTask(aTask("task-x", missingContactId(), "Nobody to call")))
                .isInstanceOfSatisfying(CrmFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW));
    }

    // ---- batch upsert ----------------------------------------------------------------------------------------

    @Test
    void a_batch_upsert_creates_each_new_contact_once() {
        List<ContactDraft> drafts = IntStream.range(0, 5).mapToObj(i -> aContact("batch" + i + "@bulk.example"))
                .toList();

        List<ContactUpsert> results = batches().upsertContacts(drafts);

        assertThat(results).hasSize(5).allSatisfy(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.created()).isTrue();
        });
        assertThat(gateway().findContactByEmail(EmailAddress.parse("batch3@bulk.example")))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(results.get(3).id().orElseThrow()));
    }

    @Test
    void upserting_the_same_batch_again_creates_nothing_and_answers_the_same_ids() {
        List<ContactDraft> drafts = IntStream.range(0, 3).mapToObj(i -> aContact("again" + i + "@bulk.example"))
                .toList();
        List<ContactUpsert> first = batches().upsertContacts(drafts);

        List<ContactUpsert> second = batches().upsertContacts(drafts);

        assertThat(second).extracting(ContactUpsert::id).containsExactlyElementsOf(
                first.stream().map(ContactUpsert::id).toList());
        assertThat(second).noneMatch(ContactUpsert::created);
    }

    @Test
    void a_batch_larger_than_the_crms_batch_limit_writes_every_contact() {
        List<ContactDraft> drafts = IntStream.range(0, 230).mapToObj(i -> aContact("many" + i + "@bulk.example"))
                .toList();

        List<ContactUpsert> results = batches().upsertContacts(drafts);

        assertThat(results).hasSize(230).allMatch(ContactUpsert::ok);
        assertThat(results.stream().map(r -> r.id().orElseThrow()).distinct()).hasSize(230);
    }

    // ---- fixtures --------------------------------------------------------------------------------------------

    protected CrmObjectId contact(String email) {
        return gateway().createContact(aContact(email));
    }

    protected static ContactDraft aContact(String email) {
        return new ContactDraft(EmailAddress.parse(email), PersonName.of("Dee", "Ling"), Optional.of("Acme"),
                Optional.empty(), Optional.of("lead"), Optional.empty());
    }

    protected DealDraft aDeal(String key, String stage) {
        String email = key.replace("key-", "") + "@deals.example";
        return new DealDraft(key, "Acme — " + email, pipeline(), stage, CLOSE,
                Optional.of(new BigDecimal("1200.00")), Optional.empty());
    }

    protected static TaskDraft aTask(String key, CrmObjectId contact, String subject) {
        return new TaskDraft(key, contact, subject, "Lead asked for a demo", AT.plusSeconds(3600), Optional.empty());
    }

    protected static NoteDraft aNote(String key, CrmObjectId contact, String body) {
        return new NoteDraft(key, contact, body, AT);
    }
}
