package dev.orchestrator.adapter.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.out.crm.CompanyDraft;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmCompany;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmOwner;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CrmGateway} promises, whatever CRM is behind it. Run it against each adapter (the sandbox CRM,
 * HubSpot against a local HubSpot-like server, ...) by extending it: {@link #gateway()} gives the adapter under
 * test, {@link #resetCrm()} empties the CRM behind it before each test, and
 * the {@code crmHolds…}/{@code crmHas…} hooks put records in the way a person would have typed them into the CRM's
 * own screens (bypassing the gateway, so whatever canonical form the gateway writes is not assumed), and
 * {@link #companiesLinkedTo(CrmObjectId)} reads the CRM's own record of associations.
 */
public abstract class CrmGatewayContract {

    protected abstract CrmGateway gateway();

    protected abstract void resetCrm();

    /** A contact the CRM holds with exactly this email text (mixed case allowed); returns its CRM id. */
    protected abstract CrmObjectId crmHoldsContactTypedAs(String rawEmail, String firstName, String lastName);

    /** A company the CRM holds with exactly this domain text (mixed case allowed); returns its CRM id. */
    protected abstract CrmObjectId crmHoldsCompanyTypedAs(String rawDomain, String name);

    /** A user records can be assigned to; {@code active == false} for a deactivated one. */
    protected abstract void crmHasOwner(String id, String email, String firstName, String lastName, boolean active);

    /** The companies the CRM links this contact to. */
    protected abstract Set<CrmObjectId> companiesLinkedTo(CrmObjectId contactId);

    @BeforeEach
    void emptyCrm() {
        resetCrm();
    }

    @Test
    void searching_an_unknown_email_finds_nothing() {
        assertThat(gateway().findContactByEmail(EmailAddress.parse("nobody@unknown.example"))).isEmpty();
    }

    @Test
    void a_created_contact_is_found_by_its_email_with_the_fields_it_was_created_with() {
        CrmObjectId id = gateway().createContact(aDraft("ada@analytical.example").build());

        Optional<CrmContact> found = gateway().findContactByEmail(EmailAddress.parse("ada@analytical.example"));

        assertThat(found).hasValueSatisfying(contact -> {
            assertThat(contact.id()).isEqualTo(id);
            assertThat(contact.email()).isEqualTo(EmailAddress.parse("ada@analytical.example"));
            assertThat(contact.name()).isEqualTo(PersonName.of("Ada", "Lovelace"));
            assertThat(contact.company()).contains("Analytical Engines");
            assertThat(contact.phone()).contains("+442071234567");
            assertThat(contact.lifecycleStage()).contains("lead");
        });
    }

    @Test
    void fields_a_draft_leaves_out_are_not_invented_on_create() {
        gateway().createContact(aDraft("min@imal.example").withName(PersonName.unknown()).withoutCompany()
                .withoutPhone().build());

        CrmContact found = gateway().findContactByEmail(EmailAddress.parse("min@imal.example")).orElseThrow();

        assertThat(found.name()).isEqualTo(PersonName.unknown());
        assertThat(found.company()).isEmpty();
        assertThat(found.phone()).isEmpty();
    }

    @Test
    void two_emails_make_two_contacts() {
        CrmObjectId first = gateway().createContact(aDraft("one@two.example").build());
        CrmObjectId second = gateway().createContact(aDraft("two@two.example").build());

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void an_update_changes_the_fields_the_draft_carries() {
        CrmObjectId id = gateway().createContact(aDraft("grace@navy.example").build());

        gateway().updateContact(id, aDraft("grace@navy.example").withName(PersonName.of("Grace", "Hopper"))
                .withCompany("US Navy").withLifecycleStage("mql").build());

        CrmContact found = gateway().findContactByEmail(EmailAddress.parse("grace@navy.example")).orElseThrow();
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.name()).isEqualTo(PersonName.of("Grace", "Hopper"));
        assertThat(found.company()).contains("US Navy");
        assertThat(found.lifecycleStage()).contains("mql");
    }

    @Test
    void an_update_leaves_the_fields_the_draft_leaves_out_as_the_crm_has_them() {
        CrmObjectId id = gateway().createContact(aDraft("keep@fields.example").build());

        gateway().updateContact(id, aDraft("keep@fields.example").withName(PersonName.of("Kept", null))
                .withoutCompany().withoutPhone().build());

        CrmContact found = gateway().findContactByEmail(EmailAddress.parse("keep@fields.example")).orElseThrow();
        assertThat(found.name()).isEqualTo(PersonName.of("Kept", "Lovelace"));
        assertThat(found.company()).contains("Analytical Engines");
        assertThat(found.phone()).contains("+442071234567");
    }

    @Test
    void email_lookups_ignore_the_case_the_crm_holds_the_email_in() {
        CrmObjectId id = crmHoldsContactTypedAs("Ann.Lee@Example.COM", "Ann", "Lee");

        Optional<CrmContact> found = gateway().findContactByEmail(EmailAddress.parse("ann.lee@example.com"));

        assertThat(found).hasValueSatisfying(contact -> {
            assertThat(contact.id()).isEqualTo(id);
            assertThat(contact.email()).isEqualTo(EmailAddress.parse("ann.lee@example.com"));
            assertThat(contact.name()).isEqualTo(PersonName.of("Ann", "Lee"));
        });
    }

    @Test
    void creating_a_contact_whose_email_the_crm_already_holds_returns_that_contact_and_writes_the_draft_onto_it() {
        CrmObjectId existing = crmHoldsContactTypedAs("Twice@Retried.example", "Old", "Name");

        CrmObjectId created = gateway().createContact(aDraft("twice@retried.example")
                .withName(PersonName.of("New", "Name")).build());

        assertThat(created).isEqualTo(existing);
        CrmContact found = gateway().findContactByEmail(EmailAddress.parse("twice@retried.example")).orElseThrow();
        assertThat(found.id()).isEqualTo(existing);
        assertThat(found.name()).isEqualTo(PersonName.of("New", "Name"));
    }

    @Test
    void creating_the_same_draft_twice_makes_one_contact() {
        CrmObjectId first = gateway().createContact(aDraft("retry@job.example").build());
        CrmObjectId second = gateway().createContact(aDraft("retry@job.example").build());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void updating_a_contact_the_crm_does_not_hold_is_sent_to_review() {
        assertThatThrownBy(() -> gateway().updateContact(new CrmObjectId("999999"), aDraft("gone@away.example").build()))
                .isInstanceOfSatisfying(CrmFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW));
    }

    @Test
    void a_forgotten_contact_is_no_longer_found_by_its_email() {
        CrmObjectId id = gateway().createContact(aDraft("forget.me@analytical.example").build());

        gateway().forgetContact(id);

        assertThat(gateway().findContactByEmail(EmailAddress.parse("forget.me@analytical.example"))).isEmpty();
    }

    @Test
    void forgetting_one_contact_leaves_the_others_as_they_were() {
        CrmObjectId gone = gateway().createContact(aDraft("gone@analytical.example").build());
        CrmObjectId kept = gateway().createContact(aDraft("kept@analytical.example").build());

        gateway().forgetContact(gone);

        assertThat(gateway().findContactByEmail(EmailAddress.parse("kept@analytical.example")))
                .hasValueSatisfying(contact -> assertThat(contact.id()).isEqualTo(kept));
    }

    @Test
    void forgetting_a_contact_the_crm_no_longer_holds_is_not_an_error() {
        CrmObjectId id = gateway().createContact(aDraft("twice@analytical.example").build());
        gateway().forgetContact(id);

        gateway().forgetContact(id);

        assertThat(gateway().findContactByEmail(EmailAddress.parse("twice@analytical.example"))).isEmpty();
    }

    @Test
    void a_forgotten_contact_loses_its_company_links() {
        CrmObjectId contact = gateway().createContact(aDraft("linked@analytical.example").build());
        CrmObjectId company = crmHoldsCompanyTypedAs("analytical.example", "Analytical Engines");
        gateway().associateContactWithCompany(contact, company);

        gateway().forgetContact(contact);

        assertThat(companiesLinkedTo(contact)).isEmpty();
    }

    @Test
    void health_reports_the_crm_up_under_the_gateway_name() {
        var health = gateway().health();

        assertThat(health.up()).as(health.detail()).isTrue();
        assertThat(health.crm()).isEqualTo(gateway().name());
    }

    @Test
    void searching_an_unknown_domain_finds_nothing() {
        assertThat(gateway().findCompanyByDomain("unknown.example")).isEmpty();
    }

    @Test
    void a_created_company_is_found_by_its_domain_with_its_name() {
        CrmObjectId id = gateway().createCompany(new CompanyDraft("acme.example", Optional.of("Acme")));

        assertThat(gateway().findCompanyByDomain("acme.example"))
                .contains(new CrmCompany(id, "acme.example", Optional.of("Acme")));
    }

    @Test
    void domain_lookups_ignore_the_case_the_crm_holds_the_domain_in() {
        CrmObjectId id = crmHoldsCompanyTypedAs("Initech.EXAMPLE", "Initech");

        assertThat(gateway().findCompanyByDomain("initech.example"))
                .contains(new CrmCompany(id, "initech.example", Optional.of("Initech")));
    }

    @Test
    void an_update_renames_a_company() {
        CrmObjectId id = gateway().createCompany(new CompanyDraft("globex.example", Optional.of("Globex")));

        gateway().updateCompany(id, new CompanyDraft("globex.example", Optional.of("Globex Corporation")));

        assertThat(gateway().findCompanyByDomain("globex.example").orElseThrow().name())
                .contains("Globex Corporation");
    }

    @Test
    void an_update_without_a_name_keeps_the_name_the_crm_has() {
        CrmObjectId id = gateway().createCompany(new CompanyDraft("hooli.example", Optional.of("Hooli")));

        gateway().updateCompany(id, new CompanyDraft("hooli.example", Optional.empty()));

        assertThat(gateway().findCompanyByDomain("hooli.example").orElseThrow().name()).contains("Hooli");
    }

    @Test
    void updating_a_company_the_crm_does_not_hold_is_sent_to_review() {
        assertThatThrownBy(() -> gateway().updateCompany(new CrmObjectId("999999"),
                new CompanyDraft("gone.example", Optional.empty())))
                .isInstanceOfSatisfying(CrmFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW));
    }

    @Test
    void a_contact_associated_with_its_company_twice_is_linked_to_it_once() {
        CrmObjectId contact = gateway().createContact(aDraft("wile@acme.example").build());
        CrmObjectId company = gateway().createCompany(new CompanyDraft("acme.example", Optional.of("Acme")));

        gateway().associateContactWithCompany(contact, company);
        gateway().associateContactWithCompany(contact, company);

        assertThat(companiesLinkedTo(contact)).containsExactly(company);
    }

    @Test
    void associating_with_a_company_the_crm_does_not_hold_is_sent_to_review() {
        CrmObjectId contact = gateway().createContact(aDraft("lonely@contact.example").build());

        assertThatThrownBy(() -> gateway().associateContactWithCompany(contact, new CrmObjectId("999999")))
                .isInstanceOfSatisfying(CrmFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW));
    }

    @Test
    void owners_are_listed_active_and_deactivated() {
        crmHasOwner("6166860", "jsmith@example.com", "John", "Smith", true);
        crmHasOwner("6166861", "gone@example.com", "Gone", "Away", false);

        assertThat(gateway().owners()).containsExactlyInAnyOrder(
                new CrmOwner("6166860", Optional.of(EmailAddress.parse("jsmith@example.com")),
                        PersonName.of("John", "Smith"), true),
                new CrmOwner("6166861", Optional.of(EmailAddress.parse("gone@example.com")),
                        PersonName.of("Gone", "Away"), false));
    }

    protected static DraftBuilder aDraft(String email) {
        return new DraftBuilder(EmailAddress.parse(email));
    }

    /** A complete draft by default; tests take away or change what they are about. */
    protected static final class DraftBuilder {
        private final EmailAddress email;
        private PersonName name = PersonName.of("Ada", "Lovelace");
        private Optional<String> company = Optional.of("Analytical Engines");
        private Optional<String> phone = Optional.of("+442071234567");
        private Optional<String> lifecycleStage = Optional.of("lead");
        private Optional<String> ownerId = Optional.empty();

        private DraftBuilder(EmailAddress email) {
            this.email = email;
        }

        public DraftBuilder withName(PersonName value) {
            name = value;
            return this;
        }

        public DraftBuilder withCompany(String value) {
            company = Optional.of(value);
            return this;
        }

        public DraftBuilder withoutCompany() {
            company = Optional.empty();
            return this;
        }

        public DraftBuilder withoutPhone() {
            phone = Optional.empty();
            return this;
        }

        public DraftBuilder withLifecycleStage(String value) {
            lifecycleStage = Optional.of(value);
            return this;
        }

        public DraftBuilder withOwnerId(String value) {
            ownerId = Optional.of(value);
            return this;
        }

        public ContactDraft build() {
            return new ContactDraft(email, name, company, phone, lifecycleStage, ownerId);
        }
    }
}
