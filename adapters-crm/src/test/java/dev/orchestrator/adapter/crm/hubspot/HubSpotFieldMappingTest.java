package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.crm.hubspot.HubSpotFieldMap.Field;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our canonical fields reach HubSpot under the portal's internal property names and option values. */
class HubSpotFieldMappingTest {
    private final HubSpotTestPortal portal = new HubSpotTestPortal();

    @AfterEach
    void stop() {
        assertThat(portal.hubSpot.violations()).isEmpty();
        portal.close();
    }

    @Test
    void a_new_contact_carries_every_canonical_field_under_hubspots_internal_names() {
        CrmObjectId id = portal.gateway().createContact(draft("mql", Optional.of(FakeHubSpot.OWNER_ID)));

        assertThat(portal.hubSpot.propertiesOf(id.value())).containsAllEntriesOf(Map.of(
                "email", "edsger@dijkstra.example", "firstname", "Edsger", "lastname", "Dijkstra",
                "company", "Mathematisch Centrum", "phone", "+31201234567",
                "lifecyclestage", "marketingqualifiedlead", "hubspot_owner_id", FakeHubSpot.OWNER_ID));
    }

    @Test
    void a_portal_value_read_back_becomes_our_stage_key() {
        portal.gateway().createContact(draft("sql", Optional.empty()));

        assertThat(portal.gateway().findContactByEmail(EmailAddress.parse("edsger@dijkstra.example"))
                .orElseThrow().lifecycleStage()).contains("sql");
    }

    @Test
    void a_stage_the_field_map_adds_is_sent_as_the_portal_value_it_names() {
        CrmObjectId id = portal.gateway(s -> s.withFieldMap(HubSpotFieldMap.defaults()
                .withLifecycleStage("nurture", "other"))).createContact(draft("nurture", Optional.empty()));

        assertThat(portal.hubSpot.propertiesOf(id.value())).containsEntry("lifecyclestage", "other");
    }

    @Test
    void a_field_map_must_name_a_property_for_every_canonical_field() {
        Map<Field, String> missingPhone = new EnumMap<>(HubSpotFieldMap.defaults().properties());
        missingPhone.remove(Field.PHONE);

        assertThatThrownBy(() -> new HubSpotFieldMap(missingPhone, Map.of()))
                .hasMessageContaining("PHONE");
    }

    @Test
    void a_field_map_may_not_send_two_stages_to_one_portal_value() {
        assertThatThrownBy(() -> HubSpotFieldMap.defaults().withLifecycleStage("nurture", "lead"))
                .hasMessageContaining("same portal value");
    }

    @Test
    void a_search_asks_only_for_the_mapped_properties() {
        portal.gateway().findContactByEmail(EmailAddress.parse("edsger@dijkstra.example"));

        assertThat(portal.hubSpot.received()).singleElement().satisfies(r -> assertThat(r.body())
                .contains("\"propertyName\":\"email\",\"operator\":\"EQ\",\"value\":\"edsger@dijkstra.example\"")
                .contains("\"properties\":[\"email\",\"firstname\",\"lastname\",\"company\",\"phone\","
                        + "\"lifecyclestage\",\"hubspot_owner_id\"]"));
    }

    private static ContactDraft draft(String stage, Optional<String> owner) {
        return new ContactDraft(EmailAddress.parse("edsger@dijkstra.example"), PersonName.of("Edsger", "Dijkstra"),
                Optional.of("Mathematisch Centrum"), Optional.of("+31201234567"), Optional.of(stage), owner);
    }
}
