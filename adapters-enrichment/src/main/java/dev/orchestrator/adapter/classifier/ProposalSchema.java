package dev.orchestrator.adapter.classifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.domain.classification.ClassificationField;
import dev.orchestrator.domain.classification.ClassificationProposal;
import dev.orchestrator.domain.classification.FailureCategory;
import dev.orchestrator.domain.classification.QualificationStatus;
import dev.orchestrator.domain.classification.RoutingTier;
import dev.orchestrator.domain.classification.StackItem;
import dev.orchestrator.domain.shared.DomainViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contract a classifier's answer must meet, as a JSON Schema (draft 2020-12) built from the domain's taxonomy,
 * so the enums a model is told about and the enums we accept cannot drift apart. The same document is sent as the
 * chat-completions {@code response_format} and checked here with networknt's validator: an answer that is not
 * JSON, names an unknown value, leaves a range or adds a field is discarded with the reason.
 */
final class ProposalSchema {
    static final String SCHEMA_ID = "https://crm-orchestrator.dev/schemas/lead-classification-1.json";
    /** Enough errors to say what was wrong; a wholly wrong answer would otherwise list every property. */
    private static final int ERRORS_SHOWN = 5;

    private final ObjectMapper json;
    private final ObjectNode document;
    private final Schema schema;

    ProposalSchema(ObjectMapper json) {
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.document = build(this.json);
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(document);
    }

    /** The schema document (a copy), as sent to a model. */
    ObjectNode document() {
        return document.deepCopy();
    }

    /**
     * The schema as strict structured output accepts it: providers support a subset of JSON Schema, so the
     * identifiers and the keywords they refuse ({@code uniqueItems}, {@code maxLength}) are left out. They are
     * still enforced on the answer by {@link #read}; the prompt states the summary's limit in words.
     */
    ObjectNode forStructuredOutput() {
        ObjectNode subset = document();
        subset.remove("$schema");
        subset.remove("$id");
        ObjectNode properties = (ObjectNode) subset.get("properties");
        ((ObjectNode) properties.get(ClassificationField.TECHNICAL_SUMMARY.key())).remove("maxLength");
        ((ObjectNode) properties.get(ClassificationField.DETECTED_STACK.key())).remove("uniqueItems");
        return subset;
    }

    /** Reads a raw answer: a proposal when it meets the contract, else the reason it was refused. */
    ClassifierAnswer read(String raw) {
        JsonNode answer;
        try {
            answer = json.readTree(raw);
        } catch (JsonProcessingException e) {
            return new ClassifierAnswer.Discarded("not JSON: " + e.getOriginalMessage(), raw);
        }
        if (answer == null || answer.isMissingNode()) {
            return new ClassifierAnswer.Discarded("not JSON: empty answer", raw);
        }
        return read(answer, raw);
    }

    /**
     * Checks an answer already read as a tree ({@code raw} its text): the same checks as {@link #read(String)}
     * after parsing, for an answer built in this process, which need not be parsed back from its own text.
     */
    ClassifierAnswer read(JsonNode answer, String raw) {
        List<Error> errors = schema.validate(answer);
        if (!errors.isEmpty()) {
            String reasons = errors.stream().limit(ERRORS_SHOWN).map(ProposalSchema::describe)
                    .collect(Collectors.joining("; "));
            String more = errors.size() > ERRORS_SHOWN ? " (+" + (errors.size() - ERRORS_SHOWN) + " more)" : "";
            return new ClassifierAnswer.Discarded("schema: " + reasons + more, raw);
        }
        try {
            return new ClassifierAnswer.Proposal(proposal(answer), raw);
        } catch (DomainViolation e) {
            return new ClassifierAnswer.Discarded("taxonomy: " + e.getMessage(), raw);
        }
    }

    private static String describe(Error error) {
        String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String message = error.getMessage();
        return message.startsWith(at) || at.isEmpty() ? message : at + ": " + message;
    }

    /** The schema has already vouched for every field; the domain record checks its invariants once more. */
    private static ClassificationProposal proposal(JsonNode answer) {
        List<StackItem> stack = new ArrayList<>();
        answer.get(ClassificationField.DETECTED_STACK.key())
                .forEach(item -> stack.add(known(StackItem::fromKey, "detected_stack", item.textValue())));
        return new ClassificationProposal(
                known(QualificationStatus::fromKey, "qualification_status", text(answer, "qualification_status")),
                answer.get(ClassificationField.LEAD_SCORE.key()).intValue(),
                known(RoutingTier::fromKey, "routing_tier", text(answer, "routing_tier")),
                text(answer, "technical_summary"), stack,
                known(FailureCategory::fromKey, "failure_category", text(answer, "failure_category")),
                answer.get(ClassificationField.CONFIDENCE.key()).doubleValue(),
                answer.get(ClassificationField.MANUAL_REVIEW_REQUIRED.key()).booleanValue());
    }

    private static String text(JsonNode answer, String field) {
        return answer.get(field).textValue();
    }

    private static <E> E known(Function<String, Optional<E>> lookup, String field, String key) {
        return lookup.apply(key).orElseThrow(() -> new DomainViolation(field, "unknown value '" + key + "'"));
    }

    private static ObjectNode build(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", SCHEMA_ID);
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        enumProperty(properties, ClassificationField.QUALIFICATION_STATUS,
                keys(QualificationStatus.values(), QualificationStatus::key));
        ObjectNode score = properties.putObject(ClassificationField.LEAD_SCORE.key());
        score.put("type", "integer").put("minimum", 0).put("maximum", 100);
        enumProperty(properties, ClassificationField.ROUTING_TIER, keys(RoutingTier.values(), RoutingTier::key));
        properties.putObject(ClassificationField.TECHNICAL_SUMMARY.key()).put("type", "string")
                .put("maxLength", ClassificationProposal.MAX_SUMMARY);
        ObjectNode stack = properties.putObject(ClassificationField.DETECTED_STACK.key());
        stack.put("type", "array").put("uniqueItems", true).put("maxItems", ClassificationProposal.MAX_STACK);
        ObjectNode item = stack.putObject("items");
        item.put("type", "string");
        keys(StackItem.values(), StackItem::key).forEach(item.putArray("enum")::add);
        enumProperty(properties, ClassificationField.FAILURE_CATEGORY,
                keys(FailureCategory.values(), FailureCategory::key));
        properties.putObject(ClassificationField.CONFIDENCE.key()).put("type", "number").put("minimum", 0)
                .put("maximum", 1);
        properties.putObject(ClassificationField.MANUAL_REVIEW_REQUIRED.key()).put("type", "boolean");
        ArrayNode required = root.putArray("required");
        for (ClassificationField field : ClassificationField.values()) {
            required.add(field.key());
        }
        root.put("additionalProperties", false);
        return root;
    }

    private static void enumProperty(ObjectNode properties, ClassificationField field, List<String> values) {
        ObjectNode property = properties.putObject(field.key());
        property.put("type", "string");
        values.forEach(property.putArray("enum")::add);
    }

    private static <E> List<String> keys(E[] values, Function<E, String> key) {
        return Arrays.stream(values).map(key).toList();
    }
}
