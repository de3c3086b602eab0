package dev.orchestrator.adapter.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake portal's validator finds what HubSpot's published spec forbids, so "zero violations" means something. */
class OpenApiSpecTest {
    private OpenApiSpec contacts;

    @BeforeEach
    void loadSpec() {
        contacts = OpenApiSpec.load(SharedSpecs.hubSpot("contacts-v3.json"));
    }

    @Test
    void a_literal_path_segment_wins_over_a_templated_one() {
        assertThat(contacts.operation("POST", "/crm/v3/objects/contacts/search").orElseThrow().operationId())
                .isEqualTo("post-/crm/v3/objects/contacts/search_doSearch");
        assertThat(contacts.operation("PATCH", "/crm/v3/objects/contacts/512").orElseThrow().template())
                .isEqualTo("/crm/v3/objects/contacts/{contactId}");
    }

    @Test
    void a_path_the_spec_does_not_have_matches_no_operation() {
        assertThat(contacts.operation("POST", "/crm/v3/objects/contact")).isEmpty();
    }

    @Test
    void a_create_with_properties_and_associations_is_valid() {
        assertThat(validate("POST", "/crm/v3/objects/contacts",
                "{\"properties\":{\"email\":\"a@b.io\"},\"associations\":[]}")).isEmpty();
    }

    @Test
    void a_create_without_associations_breaks_the_spec() {
        assertThat(validate("POST", "/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"a@b.io\"}}"))
                .anySatisfy(v -> assertThat(v).contains("required property 'associations'"));
    }

    @Test
    void a_property_value_that_is_not_a_string_breaks_the_spec() {
        assertThat(validate("PATCH", "/crm/v3/objects/contacts/512", "{\"properties\":{\"employees\":200}}"))
                .anySatisfy(v -> assertThat(v).contains("body.properties.employees must be a string"));
    }

    @Test
    void a_search_operator_outside_the_enum_breaks_the_spec() {
        assertThat(validate("POST", "/crm/v3/objects/contacts/search", "{\"filterGroups\":[{\"filters\":[{"
                + "\"propertyName\":\"email\",\"operator\":\"EQUALS\",\"value\":\"a@b.io\"}]}],"
                + "\"properties\":[],\"sorts\":[],\"limit\":1,\"after\":\"0\"}"))
                .anySatisfy(v -> assertThat(v).contains("\"EQUALS\" is not one of"));
    }

    @Test
    void a_misspelt_key_breaks_the_spec() {
        assertThat(validate("POST", "/crm/v3/objects/contacts/search", "{\"filterGroup\":[],\"filterGroups\":[],"
                + "\"properties\":[],\"sorts\":[],\"limit\":1,\"after\":\"0\"}"))
                .anySatisfy(v -> assertThat(v).contains("body.filterGroup is not declared"));
    }

    @Test
    void a_success_answer_without_required_fields_breaks_the_spec() throws Exception {
        var op = contacts.operation("POST", "/crm/v3/objects/contacts").orElseThrow();

        assertThat(contacts.validateResponse(op, 201, new ObjectMapper().readTree("{\"id\":\"1\"}")))
                .anySatisfy(v -> assertThat(v).contains("required property 'createdAt'"));
    }

    private java.util.List<String> validate(String method, String path, String body) {
        return contacts.validateRequest(contacts.operation(method, path).orElseThrow(), null, body);
    }
}
