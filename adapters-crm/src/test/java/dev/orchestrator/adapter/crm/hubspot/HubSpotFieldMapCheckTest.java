package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.crm.hubspot.HubSpotFieldMap.Field;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** At start-up the field map is held against the portal's own property definitions. */
class HubSpotFieldMapCheckTest {
    private final HubSpotTestPortal portal = new HubSpotTestPortal();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void the_default_field_map_fits_a_portal_with_hubspots_default_properties() {
        assertThat(check(HubSpotFieldMap.defaults()).problems()).isEmpty();
    }

    @Test
    void a_label_mapped_instead_of_an_internal_name_is_named_with_the_internal_name() {
        FieldMapCheck check = check(mapWith(Field.COMPANY, "company_name"));

        assertThat(check.problems()).containsExactly("COMPANY maps to property 'company_name', which the portal "
                + "does not have; the property labelled 'Company Name' has the internal name 'company'");
    }

    @Test
    void a_stage_mapped_to_an_option_the_portal_lacks_is_named_with_the_options_it_has() {
        FieldMapCheck check = check(HubSpotFieldMap.defaults().withLifecycleStage("nurture", "nurturing"));

        assertThat(check.problems()).singleElement().asString()
                .startsWith("stage 'nurture' maps to 'nurturing', which is not an option of 'lifecyclestage'")
                .contains("evangelist");
    }

    @Test
    void a_field_mapped_to_a_read_only_property_is_a_problem() {
        FieldMapCheck check = check(mapWith(Field.OWNER, "hs_object_id"));

        assertThat(check.problems()).containsExactly("OWNER maps to property 'hs_object_id', whose value is read-only");
    }

    @Test
    void at_start_up_every_problem_is_reported_at_once() {
        FieldMapCheck check = check(mapWith(Field.COMPANY, "company_name").withLifecycleStage("nurture", "x"));

        assertThatThrownBy(check::orThrow).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("company_name").hasMessageContaining("'nurture'");
    }

    @Test
    void a_rejected_token_fails_the_check_with_an_alert() {
        HubSpotSettings wrongToken = new HubSpotSettings(portal.settings().baseUrl(), "pat-na1-wrong",
                portal.settings().rateLimits(), portal.settings().requestTimeout(), 1, HubSpotFieldMap.defaults());

        assertThatThrownBy(() -> HubSpotAdapter.checkFieldMap(wrongToken, http, portal.clock, portal.sleeper))
                .isInstanceOfSatisfying(CrmFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(CrmFailure.Kind.ALERT));
    }

    private FieldMapCheck check(HubSpotFieldMap map) {
        return HubSpotAdapter.checkFieldMap(portal.settings().withFieldMap(map), http, portal.clock, portal.sleeper);
    }

    private static HubSpotFieldMap mapWith(Field field, String property) {
        Map<Field, String> properties = new EnumMap<>(HubSpotFieldMap.defaults().properties());
        properties.put(field, property);
        return new HubSpotFieldMap(properties, HubSpotFieldMap.defaults().lifecycleStages());
    }
}
