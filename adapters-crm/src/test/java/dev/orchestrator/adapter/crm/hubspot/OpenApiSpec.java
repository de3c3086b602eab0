package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One published OpenAPI 3 file, read with Jackson, and the subset of JSON Schema HubSpot's files use: {@code $ref},
 * {@code type}, {@code required}, {@code properties}, {@code additionalProperties}, {@code items}, {@code enum},
 * {@code allOf}/{@code oneOf}/{@code anyOf}, {@code nullable}. Stricter than JSON Schema in one place on purpose:
 * a request body key the schema does not declare is a violation (a misspelt {@code filterGroup} is a bug).
 */
final class OpenApiSpec {
    record Operation(String method, String template, String operationId, JsonNode node) {
    }

    private final JsonNode root;
    private final String name;

    private OpenApiSpec(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    static OpenApiSpec load(Path file) {
        try {
            return new OpenApiSpec(file.getFileName().toString(), new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    /** The operation a request hits; literal path segments beat templated ones ({@code /search} over {@code /{id}}). */
    Optional<Operation> operation(String method, String path) {
        Operation best = null;
        int bestLiterals = -1;
        for (Map.Entry<String, JsonNode> entry : root.path("paths").properties()) {
            int literals = match(entry.getKey(), path);
            JsonNode op = entry.getValue().get(method.toLowerCase(Locale.ROOT));
            if (literals > bestLiterals && op != null) {
                best = new Operation(method, entry.getKey(), op.path("operationId").asText(), op);
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    List<String> validateRequest(Operation op, String query, String body) {
        List<String> violations = new ArrayList<>();
        Set<String> given = queryNames(query);
        for (JsonNode parameter : op.node().path("parameters")) {
            JsonNode p = resolve(parameter);
            if ("query".equals(p.path("in").asText()) && p.path("required").asBoolean()
                    && !given.contains(p.path("name").asText())) {
                violations.add("query parameter '" + p.path("name").asText() + "' is required");
            }
        }
        JsonNode requestBody = resolve(op.node().path("requestBody"));
        if (requestBody.isMissingNode()) {
            return violations;
        }
        if (body == null || body.isBlank()) {
            if (requestBody.path("required").asBoolean()) {
                violations.add("request body is required");
            }
            return violations;
        }
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        try {
            validate(schema, new ObjectMapper().readTree(body), "body", violations, true);
        } catch (IOException e) {
            violations.add("request body is not JSON: " + e.getMessage());
        }
        return violations;
    }

    List<String> validateResponse(Operation op, int status, JsonNode body) {
        List<String> violations = new ArrayList<>();
        JsonNode response = resolve(op.node().path("responses").path(String.valueOf(status)));
        if (response.isMissingNode()) {
            violations.add(op.operationId() + " declares no " + status + " response");
            return violations;
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
            validate(schema, body, "response", violations, true);
        }
        return violations;
    }

    private void validate(JsonNode schemaOrRef, JsonNode value, String at, List<String> out, boolean strict) {
        JsonNode schema = resolve(schemaOrRef);
        if (value == null || value.isNull()) {
            if (!schema.path("nullable").asBoolean()) {
                out.add(at + " must not be null");
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            validate(part, value, at, out, false);
        }
        for (String alternative : List.of("oneOf", "anyOf")) {
            if (schema.has(alternative)) {
                boolean any = false;
                for (JsonNode option : schema.get(alternative)) {
                    List<String> attempt = new ArrayList<>();
                    validate(option, value, at, attempt, strict);
                    any |= attempt.isEmpty();
                }
                if (!any) {
                    out.add(at + " matches none of " + alternative);
                }
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> validateObject(schema, value, at, out, strict);
            case "array" -> {
                if (!value.isArray()) {
                    out.add(at + " must be an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    validate(schema.path("items"), value.get(i), at + "[" + i + "]", out, strict);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(at + " must be a string");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    out.add(at + " must be an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    out.add(at + " must be a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(at + " must be a boolean");
                }
            }
            default -> {
                // no type: anything goes
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                out.add(at + " value " + value + " is not one of " + schema.get("enum"));
            }
        }
    }

    private void validateObject(JsonNode schema, JsonNode value, String at, List<String> out, boolean strict) {
        if (!value.isObject()) {
            out.add(at + " must be an object");
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(at + " lacks required property '" + required.asText() + "'");
            }
        }
        JsonNode declared = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String path = at + "." + field.getKey();
            if (declared.has(field.getKey())) {
                validate(declared.get(field.getKey()), field.getValue(), path, out, strict);
            } else if (additional.isObject()) {
                validate(additional, field.getValue(), path, out, strict);
            } else if (additional.isBoolean()) {
                if (!additional.asBoolean()) {
                    out.add(path + " is not allowed by the schema");
                }
            } else if (strict && !schema.has("allOf") && declared.size() > 0) {
                out.add(path + " is not declared by the schema");
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 20; depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException(name + ": external $ref not supported: " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException(name + ": dangling $ref " + ref);
            }
        }
        return current;
    }

    /** Number of literal segments matched, or -1 when the template does not match the path. */
    private static int match(String template, String path) {
        String[] t = template.split("/");
        String[] p = path.split("/");
        if (t.length != p.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return -1;
                }
            } else if (t[i].equals(p[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    private static Set<String> queryNames(String query) {
        Set<String> names = new HashSet<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            names.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
        }
        return names;
    }
}
