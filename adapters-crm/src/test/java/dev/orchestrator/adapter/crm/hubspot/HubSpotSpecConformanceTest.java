package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.crm.CompanyDraft;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every call the adapter makes is an operation of HubSpot's published specs, sent the way the spec asks. */
class HubSpotSpecConformanceTest {
    private final HubSpotTestPortal portal = new HubSpotTestPortal();

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void every_port_method_uses_a_published_operation_with_a_valid_request_and_gets_a_valid_answer() {
        CrmGateway gateway = portal.gateway();
        portal.hubSpot.holdOwner(FakeHubSpot.OWNER_ID, "jsmith@example.com", "John", "Smith", true);
        ContactDraft draft = new ContactDraft(EmailAddress.parse("spec@check.example"), PersonName.of("Spec", "Check"),
                Optional.of("Acme"), Optional.of("+14155550100"), Optional.of("lead"), Optional.of(FakeHubSpot.OWNER_ID));

        CrmObjectId contact = gateway.createContact(draft);
        gateway.findContactByEmail(draft.email());
        gateway.updateContact(contact, draft);
        CompanyDraft company = new CompanyDraft("acme.example", Optional.of("Acme"));
        CrmObjectId companyId = gateway.createCompany(company);
        gateway.findCompanyByDomain("acme.example");
        gateway.updateCompany(companyId, company);
        gateway.associateContactWithCompany(contact, companyId);
        gateway.owners();
        gateway.health();

        assertThat(portal.hubSpot.operationsExercised()).containsExactlyInAnyOrder(
                "post-/crm/v3/objects/contacts_create",
                "post-/crm/v3/objects/contacts/search_doSearch",
                "patch-/crm/v3/objects/contacts/{contactId}_update",
                "get-/crm/v3/objects/contacts_getPage",
                "post-/crm/v3/objects/companies_create",
                "post-/crm/v3/objects/companies/search_doSearch",
                "patch-/crm/v3/objects/companies/{companyId}_update",
                "put-/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}_create",
                "get-/crm/v3/owners_/crm/v3/owners");
        assertThat(portal.hubSpot.violations()).isEmpty();
    }

    @Test
    void a_contact_is_linked_to_its_company_with_hubspots_own_association_type() {
        CrmGateway gateway = portal.gateway();
        CrmObjectId contact = gateway.createContact(new ContactDraft(EmailAddress.parse("a@acme.example"),
                PersonName.unknown(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        CrmObjectId company = gateway.createCompany(new CompanyDraft("acme.example", Optional.empty()));

        gateway.associateContactWithCompany(contact, company);

        assertThat(portal.hubSpot.received()).last().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/crm/v4/objects/contacts/" + contact + "/associations/companies/"
                    + company);
            assertThat(request.body()).isEqualTo("[{\"associationCategory\":\"HUBSPOT_DEFINED\","
                    + "\"associationTypeId\":279}]");
        });
    }

    @Test
    void owners_are_read_page_by_page() {
        for (int i = 0; i < 150; i++) {
            portal.hubSpot.holdOwner(String.valueOf(7_000_000 + i), "owner" + i + "@example.com", "Owner", "No" + i,
                    i % 10 != 0);
        }

        assertThat(portal.gateway().owners()).hasSize(150)
                .filteredOn(owner -> !owner.active()).hasSize(15);
        assertThat(portal.hubSpot.received()).hasSize(3);
    }
}
