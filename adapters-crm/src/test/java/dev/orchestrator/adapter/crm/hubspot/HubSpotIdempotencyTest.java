package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job killed mid-call and retried writes nothing twice, even though HubSpot's search lags behind writes and so
 * cannot see the contact the first attempt created.
 */
class HubSpotIdempotencyTest {
    private final HubSpotTestPortal portal = new HubSpotTestPortal();

    @AfterEach
    void stop() {
        assertThat(portal.hubSpot.violations()).isEmpty();
        portal.close();
    }

    @Test
    void a_create_whose_answer_was_lost_is_retried_without_a_second_contact() {
        portal.hubSpot.lagSearchBy(Duration.ofSeconds(30));
        CrmGateway gateway = portal.gateway();
        ContactDraft draft = new ContactDraft(EmailAddress.parse("once@only.example"), PersonName.of("Once", "Only"),
                Optional.of("Acme"), Optional.empty(), Optional.of("lead"), Optional.empty());
        portal.hubSpot.dropNextAnswerTo(CREATE);

        CrmFailure lost = catchThrowableOfType(CrmFailure.class, () -> searchThenWrite(gateway, draft));
        assertThat(lost.kind()).isEqualTo(CrmFailure.Kind.RETRYABLE);
        assertThat(portal.hubSpot.emails()).as("the first attempt did land").containsExactly("once@only.example");

        CrmObjectId retried = searchThenWrite(gateway, draft);

        assertThat(portal.hubSpot.emails()).containsExactly("once@only.example");
        assertThat(portal.hubSpot.propertiesOf(retried.value())).containsEntry("firstname", "Once");
        assertThat(portal.hubSpot.received().stream().map(FakeHubSpot.Received::operationId).toList())
                .containsExactly(SEARCH, CREATE, SEARCH, CREATE, UPDATE);
    }

    private static final String SEARCH = "post-/crm/v3/objects/contacts/search_doSearch";
    private static final String CREATE = "post-/crm/v3/objects/contacts_create";
    private static final String UPDATE = "patch-/crm/v3/objects/contacts/{contactId}_update";

    /** What the pipeline does for each event: search before create, then create or update. */
    private static CrmObjectId searchThenWrite(CrmGateway gateway, ContactDraft draft) {
        Optional<CrmContact> existing = gateway.findContactByEmail(draft.email());
        if (existing.isPresent()) {
            gateway.updateContact(existing.get().id(), draft);
            return existing.get().id();
        }
        return gateway.createContact(draft);
    }
}
