package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.crm.CompanyDraft;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.DealDraft;
import dev.orchestrator.application.port.out.crm.NoteDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals, notes, tasks, company firmographics and batch upserts use operations of HubSpot's published specs (deals, notes, tasks, contacts,
 * associations v4), with requests the spec accepts and HubSpot's own association type ids.
 */
class HubSpotWritesSpecConformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotWritesSpecConformanceTest.class);

    private final HubSpotTestPortal portal = new HubSpotTestPortal();
    private final HubSpotAdapter.Ports ports = portal.ports(s -> s);

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void every_port_method_of_every_hubspot_port_is_a_published_operation_with_a_valid_request() {
        portal.hubSpot.holdOwner(FakeHubSpot.OWNER_ID, "jsmith@example.com", "John", "Smith", true);
        ContactDraft draft = contact("spec@deals.example");
        CrmObjectId contact = ports.live().createContact(draft);
        ports.live().findContactByEmail(draft.email());
        ports.live().updateContact(contact, draft);
        CompanyDraft companyDraft = new CompanyDraft("deals.example", Optional.of("Deals"));
        CrmObjectId company = ports.live().createCompany(companyDraft);
        ports.live().findCompanyByDomain("deals.example");
        ports.live().updateCompany(company, companyDraft);
        ports.live().associateContactWithCompany(contact, company);
        ports.companyProfiles().write(company, java.util.Map.of(
                dev.orchestrator.application.port.out.crm.CompanyProfileField.INDUSTRY, "software",
                dev.orchestrator.application.port.out.crm.CompanyProfileField.EMPLOYEES, "250"));
        ports.companyProfiles().read(company);
        ports.live().owners();
        ports.live().health();
        DealDraft deal = new DealDraft("deal-spec", "Deals — spec", "default", "appointmentscheduled",
                LocalDate.parse("2026-02-04"), Optional.of(new BigDecimal("990.50")), Optional.of(FakeHubSpot.OWNER_ID));
        CrmObjectId dealId = ports.deals().createDeal(deal);
        ports.deals().associateDealWithContact(dealId, contact);
        ports.deals().associateDealWithCompany(dealId, company);
        ports.deals().findOpenDeal(contact, "default");
        ports.deals().updateDeal(dealId, deal);
        ports.engagements().createTask(new TaskDraft("task-spec", contact, "Call", "Demo request",
                HubSpotTestPortal.START.plusSeconds(3600), Optional.of(FakeHubSpot.OWNER_ID)));
        ports.engagements().createNote(new NoteDraft("note-spec", contact, "Source: web form", HubSpotTestPortal.START));
        ports.batches().upsertContacts(List.of(contact("one@bulk.example"), contact("two@bulk.example")));
        ports.live().forgetContact(contact);

        LOG.info("HubSpot spec conformance: {} operations exercised, {} requests, {} violations",
                portal.hubSpot.operationsExercised().size(), portal.hubSpot.received().size(),
                portal.hubSpot.violations().size());
        assertThat(portal.hubSpot.operationsExercised()).containsExactlyInAnyOrder(
                "post-/crm/v3/objects/contacts_create",
                "post-/crm/v3/objects/contacts/search_doSearch",
                "patch-/crm/v3/objects/contacts/{contactId}_update",
                "get-/crm/v3/objects/contacts_getPage",
                "post-/crm/v3/objects/contacts/gdpr-delete_purge",
                "post-/crm/v3/objects/contacts/batch/upsert_upsert",
                "post-/crm/v3/objects/companies_create",
                "post-/crm/v3/objects/companies/search_doSearch",
                "patch-/crm/v3/objects/companies/{companyId}_update",
                "get-/crm/v3/objects/companies/{companyId}_getById",
                "put-/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}_create",
                "get-/crm/v3/owners_/crm/v3/owners",
                "post-/crm/v3/objects/0-3/batch/upsert_upsert",
                "post-/crm/v3/objects/0-3/search_doSearch",
                "patch-/crm/v3/objects/0-3/{dealId}_update",
                "post-/crm/v3/objects/tasks/batch/upsert_upsert",
                "post-/crm/v3/objects/notes/batch/upsert_upsert");
        assertThat(portal.hubSpot.violations()).isEmpty();
    }

    @Test
    void deals_are_linked_with_hubspots_contact_to_deal_and_company_to_deal_type_ids() {
        CrmObjectId contact = ports.live().createContact(contact("types@deals.example"));
        CrmObjectId company = ports.live().createCompany(new CompanyDraft("types.example", Optional.empty()));
        CrmObjectId deal = ports.deals().createDeal(new DealDraft("deal-types", "Types", "default",
                "appointmentscheduled", LocalDate.parse("2026-02-04"), Optional.empty(), Optional.empty()));

        ports.deals().associateDealWithContact(deal, contact);
        ports.deals().associateDealWithCompany(deal, company);

        assertThat(portal.hubSpot.associationTypes("contacts", contact.value(), "deals", deal.value()))
                .containsExactly(4);
        assertThat(portal.hubSpot.associationTypes("companies", company.value(), "deals", deal.value()))
                .containsExactly(342);
    }

    @Test
    void notes_and_tasks_are_linked_with_hubspots_note_to_contact_and_task_to_contact_type_ids() {
        CrmObjectId contact = ports.live().createContact(contact("types@engage.example"));

        CrmObjectId task = ports.engagements().createTask(new TaskDraft("task-types", contact, "Call", "body",
                HubSpotTestPortal.START, Optional.empty()));
        CrmObjectId note = ports.engagements().createNote(new NoteDraft("note-types", contact, "body",
                HubSpotTestPortal.START));

        assertThat(portal.hubSpot.associationTypes("tasks", task.value(), "contacts", contact.value()))
                .containsExactly(204);
        assertThat(portal.hubSpot.associationTypes("notes", note.value(), "contacts", contact.value()))
                .containsExactly(202);
    }

    @Test
    void a_batch_upsert_keys_contacts_by_email_and_sends_a_hundred_per_request() {
        List<ContactDraft> drafts = java.util.stream.IntStream.range(0, 250)
                .mapToObj(i -> contact("row" + i + "@bulk.example")).toList();

        ports.batches().upsertContacts(drafts);

        List<FakeHubSpot.Received> batches = portal.hubSpot.received().stream()
                .filter(r -> r.operationId().equals("post-/crm/v3/objects/contacts/batch/upsert_upsert")).toList();
        assertThat(batches).hasSize(3);
        assertThat(batches.get(0).body()).startsWith("{\"inputs\":[{\"id\":\"row0@bulk.example\","
                + "\"idProperty\":\"email\"");
        assertThat(portal.hubSpot.contactCount()).isEqualTo(250);
    }

    @Test
    void a_row_hubspot_refuses_in_a_batch_fails_alone_from_a_207_answer() {
        ContactDraft bad = new ContactDraft(EmailAddress.parse("bad@bulk.example"), PersonName.of("Bad", "Row"),
                Optional.empty(), Optional.empty(), Optional.of("nurture"), Optional.empty());

        var results = ports.batches().upsertContacts(List.of(contact("ok1@bulk.example"), bad,
                contact("ok2@bulk.example")));

        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(2).ok()).isTrue();
        assertThat(results.get(1).failure()).hasValueSatisfying(failure -> {
            assertThat(failure.kind()).isEqualTo(dev.orchestrator.application.port.out.crm.CrmFailure.Kind.REVIEW);
            assertThat(failure.getMessage()).contains("207").contains("VALIDATION_ERROR").contains("INVALID_OPTION");
        });
        assertThat(portal.hubSpot.contactCount()).isEqualTo(2);
        assertThat(portal.hubSpot.violations()).isEmpty();
    }

    private static ContactDraft contact(String email) {
        return new ContactDraft(EmailAddress.parse(email), PersonName.of("Spec", "Check"), Optional.of("Acme"),
                Optional.empty(), Optional.of("lead"), Optional.empty());
    }
}
