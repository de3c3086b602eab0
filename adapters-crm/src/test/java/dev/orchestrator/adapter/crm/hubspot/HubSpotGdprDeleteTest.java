package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Forgetting a contact in HubSpot is its GDPR delete (a purge), never the ordinary archive. */
class HubSpotGdprDeleteTest {
    private final HubSpotTestPortal portal = new HubSpotTestPortal();

    @AfterEach
    void stop() {
        assertThat(portal.hubSpot.violations()).isEmpty();
        portal.close();
    }

    @Test
    void forgetting_a_contact_sends_hubspots_gdpr_delete_with_the_contact_id() {
        CrmObjectId id = portal.gateway().createContact(new ContactDraft(EmailAddress.parse("gdpr@delete.example"),
                PersonName.of("Gd", "Pr"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));

        portal.gateway().forgetContact(id);

        FakeHubSpot.Received last = portal.hubSpot.received().get(portal.hubSpot.received().size() - 1);
        assertThat(last.method() + " " + last.path()).isEqualTo("POST /crm/v3/objects/contacts/gdpr-delete");
        assertThat(last.body()).isEqualTo("{\"objectId\":\"" + id.value() + "\"}");
        assertThat(portal.hubSpot.emails()).doesNotContain("gdpr@delete.example");
    }

    @Test
    void a_refused_gdpr_delete_is_classified_like_any_other_hubspot_error() {
        portal.hubSpot.respondNext(403, "{\"status\":\"error\",\"message\":\"This app hasn't been granted all "
                + "required scopes\",\"category\":\"MISSING_SCOPES\",\"correlationId\":\"c-1\"}", Map.of());

        CrmFailure failure = catchThrowableOfType(CrmFailure.class,
                () -> portal.gateway().forgetContact(new CrmObjectId("101")));

        assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.ALERT);
    }
}
