package dev.orchestrator.web.boot;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.orchestrator.application.normalize.FieldMap;
import dev.orchestrator.application.normalize.FieldSpec;
import dev.orchestrator.application.normalize.PayloadPath;
import dev.orchestrator.application.normalize.Transform;
import dev.orchestrator.domain.shared.DomainViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a field-map file (docs/FIELD-MAPS.md) into the application's {@link FieldMap}. Its version is the
 * source's name and the first 12 hex digits of the SHA-256 of the file's bytes: change a byte, get a new version,
 * recorded on every event the map reads from then on.
 *
 * <pre>
 * source: stripe
 * event: payment.succeeded
 * accept: { path: type, values: [payment_intent.succeeded, charge.succeeded] }
 * fields:
 *   id: id                                            # a path
 *   email: { path: [data.object.receipt_email, data.object.customer_email], transforms: [trim, lowercase] }
 *   occurredAt: { path: created, transforms: [epoch_seconds] }
 *   type: { value: payment_succeeded }                # a constant
 *   submittedAt: { path: submittedAt, transforms: [instant], invalid: drop }
 *   id: { path: id, fallback: delivery-id }
 * </pre>
 */
public final class FieldMapYamlParser {
    private static final Set<String> TOP = Set.of("source", "event", "accept", "fields");
    private static final Set<String> FIELD = Set.of("path", "value", "transforms", "default", "fallback", "invalid");
    private final ObjectMapper yaml = YAMLMapper.builder(new YAMLFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A field-map file that cannot be used, naming the file and what is wrong. */
    public static final class FieldMapError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FieldMapError(String file, String message) {
            super(file + ": " + message);
        }
    }

    public FieldMap parse(String file, byte[] bytes) {
        JsonNode root;
        try {
            root = yaml.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new FieldMapError(file, "not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FieldMapError(file, "expected a mapping with source, event and fields");
        }
        try {
            unknownKeys(root, TOP, "the file");
            String source = text(root, "source");
            String event = text(root, "event");
            Optional<FieldMap.Acceptance> accept = root.has("accept") ? Optional.of(accept(root.get("accept")))
                    : Optional.empty();
            JsonNode fields = root.get("fields");
            if (fields == null || !fields.isObject() || fields.isEmpty()) {
                throw new DomainViolation("fields", "must map at least one canonical field");
            }
            List<FieldSpec> specs = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                specs.add(field(entry.getKey(), entry.getValue()));
            }
            return new FieldMap(source, event, source + "@" + hash(bytes), accept, specs);
        } catch (DomainViolation e) {
            throw new FieldMapError(file, e.field() + " " + e.reason());
        }
    }

    private static FieldMap.Acceptance accept(JsonNode node) {
        if (!node.isObject()) {
            throw new DomainViolation("accept", "must be { path: …, values: [...] }");
        }
        unknownKeys(node, Set.of("path", "values"), "accept");
        return new FieldMap.Acceptance(PayloadPath.parse(text(node, "path")), new LinkedHashSet<>(texts(node.get("values"),
                "accept.values")));
    }

    private static FieldSpec field(String target, JsonNode node) {
        if (node.isTextual()) {
            return new FieldSpec(target, List.of(PayloadPath.parse(node.asText())), List.of(), Optional.empty(), false,
                    false);
        }
        if (!node.isObject()) {
            throw new DomainViolation(target, "must be a path or { path, transforms, default, fallback, invalid }");
        }
        unknownKeys(node, FIELD, target);
        List<PayloadPath> paths = node.has("path") ? texts(node.get("path"), target + ".path").stream()
                .map(PayloadPath::parse).toList() : List.of();
        List<Transform> transforms = node.has("transforms") ? texts(node.get("transforms"), target + ".transforms")
                .stream().map(Transform::fromKey).toList() : List.of();
        if (node.has("value") && node.has("path")) {
            throw new DomainViolation(target, "has both a path and a constant value; use default for a fallback");
        }
        Optional<String> defaultValue = node.has("value") ? Optional.of(scalar(node.get("value"), target + ".value"))
                : node.has("default") ? Optional.of(scalar(node.get("default"), target + ".default")) : Optional.empty();
        boolean fallback = false;
        if (node.has("fallback")) {
            if (!"delivery-id".equals(node.get("fallback").asText())) {
                throw new DomainViolation(target, "fallback can only be delivery-id (the webhook's own id)");
            }
            fallback = true;
        }
        boolean drop = false;
        if (node.has("invalid")) {
            String invalid = node.get("invalid").asText();
            if (!invalid.equals("drop") && !invalid.equals("review")) {
                throw new DomainViolation(target, "invalid must be review (the default) or drop");
            }
            drop = invalid.equals("drop");
        }
        return new FieldSpec(target, paths, transforms, defaultValue, fallback, drop);
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String where) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw new DomainViolation(key, "is not a key of " + where + "; expected one of " + allowed);
            }
        });
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new DomainViolation(key, "is required");
        }
        return value.asText().strip();
    }

    private static String scalar(JsonNode node, String what) {
        if (!node.isValueNode() || node.isNull()) {
            throw new DomainViolation(what, "must be a single value");
        }
        return node.asText();
    }

    private static List<String> texts(JsonNode node, String what) {
        if (node != null && node.isValueNode() && !node.isNull()) {
            return List.of(node.asText());
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new DomainViolation(what, "must be a value or a non-empty list");
        }
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(scalar(item, what)));
        return values;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
