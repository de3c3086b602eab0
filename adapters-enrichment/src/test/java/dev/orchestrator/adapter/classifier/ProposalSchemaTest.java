package dev.orchestrator.adapter.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.domain.classification.ClassificationField;
import dev.orchestrator.domain.classification.FailureCategory;
import dev.orchestrator.domain.classification.QualificationStatus;
import dev.orchestrator.domain.classification.RoutingTier;
import dev.orchestrator.domain.classification.StackItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProposalSchema schema = new ProposalSchema(JSON);

    static final String VALID = """
            {"qualification_status":"qualified","lead_score":82,"routing_tier":"priority",
             "technical_summary":"SOC 2 evidence for Snowflake pipelines","detected_stack":["snowflake","aws"],
             "failure_category":"compliance","confidence":0.86,"manual_review_required":false}""";

    /** The valid answer with one field replaced (or added), as raw JSON text. */
    static String validWith(String field, String rawJsonValue) {
        try {
            ObjectNode answer = (ObjectNode) JSON.readTree(VALID);
            answer.set(field, JSON.readTree(rawJsonValue));
            return JSON.writeValueAsString(answer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String reason(String raw) {
        ClassifierAnswer answer = schema.read(raw);
        assertThat(answer).isInstanceOf(ClassifierAnswer.Discarded.class);
        assertThat(((ClassifierAnswer.Discarded) answer).rawAnswer()).isEqualTo(raw);
        return ((ClassifierAnswer.Discarded) answer).reason();
    }

    @Test
    void a_valid_answer_becomes_a_proposal_with_every_field() {
        ClassifierAnswer answer = schema.read(VALID);

        assertThat(answer).isInstanceOfSatisfying(ClassifierAnswer.Proposal.class, p -> {
            assertThat(p.proposal().qualificationStatus()).isEqualTo(QualificationStatus.QUALIFIED);
            assertThat(p.proposal().leadScore()).isEqualTo(82);
            assertThat(p.proposal().routingTier()).isEqualTo(RoutingTier.PRIORITY);
            assertThat(p.proposal().detectedStack()).containsExactly(StackItem.SNOWFLAKE, StackItem.AWS);
            assertThat(p.proposal().failureCategory()).isEqualTo(FailureCategory.COMPLIANCE);
            assertThat(p.proposal().confidence()).isEqualTo(0.86);
            assertThat(p.rawAnswer()).isEqualTo(VALID);
        });
    }

    @Test
    void text_that_is_not_json_is_discarded() {
        assertThat(reason("Sure! Here is the classification: qualified")).startsWith("not JSON");
    }

    @Test
    void json_followed_by_more_text_is_discarded() {
        assertThat(reason(VALID + " I hope this helps")).startsWith("not JSON");
    }

    @Test
    void an_empty_answer_is_discarded() {
        assertThat(reason("")).startsWith("not JSON");
    }

    @Test
    void an_extra_field_is_discarded_naming_it() {
        assertThat(reason(validWith("lifecycle_stage", "\"customer\""))).startsWith("schema:")
                .contains("lifecycle_stage");
    }

    @Test
    void an_unknown_enum_value_is_discarded() {
        assertThat(reason(validWith("routing_tier", "\"vip\""))).startsWith("schema:").contains("routing_tier");
    }

    @Test
    void an_unknown_stack_item_is_discarded() {
        assertThat(reason(validWith("detected_stack", "[\"cobol\"]"))).startsWith("schema:")
                .contains("detected_stack");
    }

    @Test
    void a_score_out_of_range_is_discarded() {
        assertThat(reason(validWith("lead_score", "140"))).startsWith("schema:").contains("lead_score");
        assertThat(reason(validWith("lead_score", "-5"))).contains("lead_score");
    }

    @Test
    void a_fractional_score_is_discarded() {
        assertThat(reason(validWith("lead_score", "82.5"))).contains("lead_score");
    }

    @Test
    void a_confidence_above_one_is_discarded() {
        assertThat(reason(validWith("confidence", "1.2"))).contains("confidence");
    }

    @Test
    void a_summary_over_500_characters_is_discarded() {
        assertThat(reason(validWith("technical_summary", "\"" + "x".repeat(501) + "\"")))
                .contains("technical_summary");
    }

    @Test
    void a_stack_item_twice_is_discarded() {
        assertThat(reason(validWith("detected_stack", "[\"aws\",\"aws\"]"))).contains("detected_stack");
    }

    @Test
    void a_missing_field_is_discarded() {
        ObjectNode answer = (ObjectNode) read(VALID);
        answer.remove("confidence");

        assertThat(reason(answer.toString())).startsWith("schema:").contains("confidence");
    }

    @Test
    void a_value_of_the_wrong_type_is_discarded() {
        assertThat(reason(validWith("manual_review_required", "\"no\""))).contains("manual_review_required");
    }

    @Test
    void the_schema_lists_exactly_the_taxonomy_and_refuses_other_properties() {
        JsonNode document = schema.document();

        assertThat(document.get("additionalProperties").booleanValue()).isFalse();
        assertThat(names(document.get("properties").fieldNames())).containsExactlyInAnyOrderElementsOf(
                ClassificationField.keys());
        assertThat(texts(document.at("/properties/routing_tier/enum")))
                .containsExactlyElementsOf(Arrays.stream(RoutingTier.values()).map(RoutingTier::key).toList());
        assertThat(texts(document.at("/properties/detected_stack/items/enum")))
                .containsExactlyElementsOf(Arrays.stream(StackItem.values()).map(StackItem::key).toList());
        assertThat(texts(document.get("required"))).containsExactlyInAnyOrderElementsOf(ClassificationField.keys());
    }

    @Test
    void the_structured_output_schema_leaves_out_keywords_providers_refuse_but_keeps_the_enums() {
        JsonNode sent = schema.forStructuredOutput();

        assertThat(sent.has("$schema")).isFalse();
        assertThat(sent.at("/properties/technical_summary/maxLength").isMissingNode()).isTrue();
        assertThat(sent.at("/properties/detected_stack/uniqueItems").isMissingNode()).isTrue();
        assertThat(sent.at("/properties/lead_score/maximum").intValue()).isEqualTo(100);
        assertThat(schema.document().at("/properties/technical_summary/maxLength").intValue()).isEqualTo(500);
    }

    private static JsonNode read(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> names(java.util.Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }

    private static List<String> texts(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(node -> all.add(node.textValue()));
        return all;
    }
}
