package dev.orchestrator.application.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.domain.crm.EmailAddress;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataPolicyTest {
    private static final byte[] KEY = "policy-test-key-of-32-bytes-long".getBytes(StandardCharsets.UTF_8);
    private final Scrubber scrubber = Scrubber.of(Optional.of("ada@analytical.example"), "forgotten-1",
            Set.of("Ada", "Lovelace", "Ada Lovelace"), Set.of("+1 415 867 5309"));

    @Test
    void the_same_email_always_gets_the_same_pseudonym_and_another_key_another_one() {
        Pseudonyms pseudonyms = new Pseudonyms(KEY);

        assertThat(pseudonyms.of(EmailAddress.parse("Ada@Analytical.example")))
                .isEqualTo(pseudonyms.of("  ada@analytical.example ")).startsWith("forgotten-").hasSize(30);
        assertThat(new Pseudonyms("another-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8))
                .of("ada@analytical.example")).isNotEqualTo(pseudonyms.of("ada@analytical.example"));
        assertThat(pseudonyms.emailOf(EmailAddress.parse("ada@analytical.example")).domain())
                .isEqualTo("forgotten.invalid");
    }

    @Test
    void free_text_loses_the_email_the_local_part_the_names_and_the_phone_in_any_format() {
        String scrubbed = scrubber.scrub("ADA@analytical.example (ada) is Ada Lovelace, call (415) 867-5309 or "
                + "+14158675309; Adams stays");

        assertThat(scrubbed).isEqualTo("forgotten-1 ([erased]) is [erased], call [erased] or [erased]; Adams stays");
        assertThat(scrubbed.toLowerCase()).doesNotContain("ada@").doesNotContain("lovelace")
                .doesNotContain("8675309");
    }

    @Test
    void a_payload_keeps_company_source_and_consent_and_loses_every_personal_field() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", "rec-1");
        root.put("email", "ada@analytical.example");
        root.put("firstName", "Ada");
        root.put("phone", "+1 415 867 5309");
        root.put("company", "Analytical Engines");
        root.put("consent", Boolean.TRUE);
        root.put("employees", new BigDecimal("12"));
        root.put("message", "Ada here, call me");
        root.put("utm", Map.of("campaign", "ada-special"));

        String body = new String(PersonalDataPolicy.erasedPayload(new PayloadParser.Ok(new PayloadTree(root)),
                Optional.of("forgotten-1"), scrubber), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"id\":\"rec-1\",\"company\":\"Analytical Engines\",\"consent\":true,"
                + "\"utm\":{\"campaign\":\"[erased]-special\"},\"email\":\"forgotten-1\",\"erased\":true}");
    }

    @Test
    void a_body_that_is_not_a_json_object_keeps_nothing() {
        byte[] body = PersonalDataPolicy.erasedPayload(new PayloadParser.Unparseable("truncated"), Optional.empty(),
                scrubber);

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"erased\":true}");
    }

    @Test
    void evidence_keeps_its_keys_with_personal_values_erased_and_the_rest_scrubbed() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("email", "ada@analytical.example");
        evidence.put("from", "+1 415 867 5309");
        evidence.put("field", "phone");
        evidence.put("crmId", "101");
        evidence.put("error", "HubSpot refused ada@analytical.example");
        evidence.put("phone", "");

        assertThat(PersonalDataPolicy.erasedEvidence(evidence, Optional.of("forgotten-1"), scrubber))
                .containsExactly(Map.entry("email", "forgotten-1"), Map.entry("from", "[erased]"),
                        Map.entry("field", "phone"), Map.entry("crmId", "101"),
                        Map.entry("error", "HubSpot refused forgotten-1"), Map.entry("phone", ""));
    }

    @Test
    void a_classifier_s_raw_answer_and_summary_are_erased_but_its_decision_fields_stay() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("rawAnswer", "{\"technical_summary\":\"Ada needs SOC 2 help\"}");
        evidence.put("ai.technical_summary", "Ada needs SOC 2 help");
        evidence.put("ai.routing_tier", "priority");

        assertThat(PersonalDataPolicy.erasedEvidence(evidence, Optional.of("forgotten-1"), scrubber))
                .containsExactly(Map.entry("rawAnswer", "[erased]"), Map.entry("ai.technical_summary", "[erased]"),
                        Map.entry("ai.routing_tier", "priority"));
    }

    @Test
    void headers_keep_delivery_id_and_time_and_drop_signatures() {
        assertThat(PersonalDataPolicy.erasedHeaders(Map.of("Webhook-Id", "msg_1", "webhook-signature", "v1,xyz",
                "X-Forwarded-For", "198.51.100.7"), scrubber)).containsOnlyKeys("Webhook-Id");
    }
}
