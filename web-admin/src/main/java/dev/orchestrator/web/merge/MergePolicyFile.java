package dev.orchestrator.web.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.merge.FieldMergeRule;
import dev.orchestrator.domain.merge.MergePolicy;
import dev.orchestrator.domain.merge.SourceRanking;
import dev.orchestrator.domain.shared.DomainViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the merge policy YAML ({@code merge/merge-policy.yaml} shipped in the jar, or the file
 * {@code MERGE_POLICY_PATH} names) into the domain's {@link MergePolicy}. A mistake names the key at fault.
 */
public final class MergePolicyFile {
    public static final String SHIPPED = "merge/merge-policy.yaml";
    public static final String ENV = "MERGE_POLICY_PATH";
    private static final Set<String> TOP_LEVEL = Set.of("sources", "default", "minimum_confidence", "fields",
            "person_dedupe");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MergePolicyFile() {
    }

    /** {@code MERGE_POLICY_PATH} when set, else the shipped file. */
    public static MergeSettings fromEnvironment(Map<String, String> env) {
        String path = env.getOrDefault(ENV, "");
        if (path.isBlank()) {
            return shipped();
        }
        try {
            return parse(Files.readString(Path.of(path), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidMergePolicy(ENV + " (" + path + ") cannot be read: " + e.getMessage());
        }
    }

    public static MergeSettings shipped() {
        try (InputStream in = MergePolicyFile.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MergeSettings parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidMergePolicy("not YAML: line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMergePolicy("expected a mapping with sources, default, fields, person_dedupe");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                throw new InvalidMergePolicy(name + ": unknown key (expected one of " + TOP_LEVEL + ")");
            }
        });
        try {
            SourceRanking ranking = root.has("sources") ? new SourceRanking(texts(root.get("sources"), "sources"))
                    : SourceRanking.DEFAULT;
            FieldMergeRule.Strategy fallback = root.has("default")
                    ? strategy(root.get("default"), "default") : FieldMergeRule.Strategy.SOURCE_PRIORITY;
            double minimum = root.has("minimum_confidence")
                    ? number(root.get("minimum_confidence"), "minimum_confidence") : 0.0;
            List<FieldMergeRule> rules = new ArrayList<>();
            JsonNode fields = root.path("fields");
            if (!fields.isMissingNode() && !fields.isObject()) {
                throw new InvalidMergePolicy("fields: expected a mapping of field to rule");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                rules.add(new FieldMergeRule(entry.getKey(), strategy(entry.getValue(), "fields." + entry.getKey())));
            }
            JsonNode dedupe = root.path("person_dedupe");
            MatchThresholds thresholds = dedupe.isMissingNode() ? new MatchThresholds(6.5, 3.5)
                    : new MatchThresholds(number(dedupe.path("match"), "person_dedupe.match"),
                            number(dedupe.path("possible"), "person_dedupe.possible"));
            return new MergeSettings(new MergePolicy(ranking, rules, fallback, minimum), thresholds);
        } catch (DomainViolation e) {
            throw new InvalidMergePolicy(e.getMessage());
        }
    }

    private static FieldMergeRule.Strategy strategy(JsonNode node, String key) {
        if (!node.isTextual()) {
            throw new InvalidMergePolicy(key + ": expected a rule name");
        }
        try {
            return FieldMergeRule.Strategy.fromKey(node.asText());
        } catch (DomainViolation e) {
            throw new InvalidMergePolicy(key + ": " + e.reason());
        }
    }

    private static double number(JsonNode node, String key) {
        if (!node.isNumber()) {
            throw new InvalidMergePolicy(key + ": expected a number");
        }
        return node.asDouble();
    }

    private static List<String> texts(JsonNode node, String key) {
        if (!node.isArray()) {
            throw new InvalidMergePolicy(key + ": expected a list");
        }
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        return values;
    }

    /** A merge policy file that cannot be used; the message names the key and what was expected. */
    public static final class InvalidMergePolicy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidMergePolicy(String message) {
            super("merge policy: " + message);
        }
    }
}
