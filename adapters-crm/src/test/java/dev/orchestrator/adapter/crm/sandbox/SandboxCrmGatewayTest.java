package dev.orchestrator.adapter.crm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxCrmGatewayTest {
    private CrmGateway crm;

    @BeforeEach
    void setUp() {
        crm = SandboxCrmAdapter.create(TestDatabase.fresh(), MutableClock.at("2026-01-05T10:15:30Z"));
    }

    @Test
    void aCreatedContactIsFoundByItsEmailWhateverTheCase() {
        CrmObjectId id = crm.createContact(draft("jane@acme.com", "Jane", "Doe"));

        assertThat(crm.findContactByEmail(EmailAddress.parse("JANE@acme.com")))
                .hasValueSatisfying(contact -> {
                    assertThat(contact.id()).isEqualTo(id);
                    assertThat(contact.name().display()).isEqualTo("Jane Doe");
                });
    }

    @Test
    void anUnknownEmailFindsNothing() {
        assertThat(crm.findContactByEmail(EmailAddress.parse("nobody@acme.com"))).isEmpty();
    }

    @Test
    void anUpdateChangesGivenFieldsAndKeepsAbsentOnes() {
        CrmObjectId id = crm.createContact(draft("jane@acme.com", "Jane", "Doe"));

        crm.updateContact(id, new ContactDraft(EmailAddress.parse("jane@acme.com"), PersonName.of(null, "Smith"),
                Optional.empty(), Optional.empty(), Optional.of("mql"), Optional.empty()));

        assertThat(crm.findContactByEmail(EmailAddress.parse("jane@acme.com"))).hasValueSatisfying(contact -> {
            assertThat(contact.name().display()).isEqualTo("Jane Smith");
            assertThat(contact.company()).contains("Acme");
            assertThat(contact.lifecycleStage()).contains("mql");
        });
    }

    @Test
    void creatingASecondContactWithTheSameEmailIsARetryableConflict() {
        crm.createContact(draft("jane@acme.com", "Jane", "Doe"));

        assertThatThrownBy(() -> crm.createContact(draft("Jane@Acme.com", "Jane", "Doe")))
                .isInstanceOfSatisfying(CrmFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.RETRYABLE));
    }

    @Test
    void updatingAMissingContactGoesToReview() {
        assertThatThrownBy(() -> crm.updateContact(new CrmObjectId("999"), draft("x@acme.com", "X", "Y")))
                .isInstanceOfSatisfying(CrmFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.REVIEW));
    }

    private static ContactDraft draft(String email, String first, String last) {
        return new ContactDraft(EmailAddress.parse(email), PersonName.of(first, last), Optional.of("Acme"),
                Optional.of("+14155552671"), Optional.of("lead"), Optional.empty());
    }
}
