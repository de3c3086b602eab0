package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.adapter.crm.salesforce.SalesforceFieldMap.Field;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmFailure.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place a Salesforce answer becomes a {@link CrmFailure}. Salesforce's error body is a JSON array of
 * {@code {message, errorCode, fields}}; the fields are named in the message, with our canonical field beside them.
 */
final class SalesforceErrors {
    private static final Pattern NO_SUCH_COLUMN = Pattern.compile("No such column '([^']+)'");
    /** Row locks and the like: the same call can succeed a moment later. */
    private static final Set<String> TRANSIENT = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE",
            "REQUEST_RUNNING_TOO_LONG");
    /** The daily API allowance is spent; it refills over the next 24 hours. */
    private static final Duration LIMIT_WAIT = Duration.ofHours(1);

    record SalesforceError(String message, String errorCode, List<String> fields) {
    }

    private final ObjectMapper json;
    private final Secrets secrets;
    private final SalesforceFieldMap fieldMap;

    SalesforceErrors(ObjectMapper json, Secrets secrets, SalesforceFieldMap fieldMap) {
        this.json = json;
        this.secrets = secrets;
        this.fieldMap = fieldMap;
    }

    /** An answer's JSON ({@code {}} when it has no body); a body that is not JSON is retryable, as any garbled answer. */
    JsonNode body(String operation, SalesforceHttp.Reply reply) {
        try {
            return json.readTree(reply.body() == null || reply.body().isBlank() ? "{}" : reply.body());
        } catch (IOException e) {
            throw new CrmFailure(Kind.RETRYABLE, "Salesforce " + operation + " answered " + reply.status()
                    + " with a body we cannot read (" + e.getClass().getSimpleName() + ")", Optional.empty(), null);
        }
    }

    CrmFailure classify(String operation, SalesforceHttp.Reply reply) {
        List<SalesforceError> errors = parse(reply.body());
        Set<String> codes = new LinkedHashSet<>();
        errors.forEach(e -> Optional.ofNullable(e.errorCode()).ifPresent(codes::add));
        String what = secrets.scrub("Salesforce " + operation + " answered " + reply.status() + describe(errors));
        int status = reply.status();
        if (status == 300) {
            return new CrmFailure(Kind.REVIEW, what + " — the external id matches more than one record");
        }
        if (status >= 500 || codes.stream().anyMatch(TRANSIENT::contains)) {
            return new CrmFailure(Kind.RETRYABLE, what, Optional.empty(), null);
        }
        if (codes.contains("REQUEST_LIMIT_EXCEEDED")) {
            return new CrmFailure(Kind.RETRYABLE, what + " — the org's daily API allowance is spent",
                    Optional.of(LIMIT_WAIT), null);
        }
        if (status == 401) {
            return new CrmFailure(Kind.ALERT, what + " — a fresh token was refused too");
        }
        if (status == 403) {
            return new CrmFailure(Kind.ALERT, what + " — the connected app's run-as user may not do this");
        }
        List<String> named = namedFields(errors);
        return new CrmFailure(Kind.REVIEW, what + (named.isEmpty() ? "" : " — rejected " + String.join(", ", named)));
    }

    /**
     * A SOAP call's failure, from its fault or its result's errors (their {@code statusCode}s). Every fault comes
     * with HTTP 500, so there the status says nothing and only the code tells a passing trouble from a refusal; a
     * 5xx without a fault in its body is the server's.
     */
    CrmFailure classifySoap(String operation, int status, List<SalesforceError> errors) {
        Set<String> codes = new LinkedHashSet<>();
        errors.forEach(e -> Optional.ofNullable(e.errorCode()).ifPresent(codes::add));
        String what = secrets.scrub("Salesforce " + operation + " answered " + status + describe(errors));
        if (codes.isEmpty() && status >= 500 || codes.contains("Server")
                || codes.stream().anyMatch(TRANSIENT::contains)) {
            return new CrmFailure(Kind.RETRYABLE, what, Optional.empty(), null);
        }
        if (codes.contains("REQUEST_LIMIT_EXCEEDED")) {
            return new CrmFailure(Kind.RETRYABLE, what + " — the org's daily API allowance is spent",
                    Optional.of(LIMIT_WAIT), null);
        }
        if (codes.contains("INVALID_SESSION_ID")) {
            return new CrmFailure(Kind.ALERT, what + " — a fresh token was refused too");
        }
        if (codes.stream().anyMatch(code -> code.startsWith("INSUFFICIENT_ACCESS"))) {
            return new CrmFailure(Kind.ALERT, what + " — the connected app's run-as user may not do this");
        }
        return new CrmFailure(Kind.REVIEW, what);
    }

    private List<String> namedFields(List<SalesforceError> errors) {
        List<String> named = new ArrayList<>();
        for (SalesforceError error : errors) {
            Set<String> fields = new LinkedHashSet<>(Optional.ofNullable(error.fields()).orElse(List.of()));
            Matcher column = NO_SUCH_COLUMN.matcher(Optional.ofNullable(error.message()).orElse(""));
            if (column.find()) {
                fields.add(column.group(1));
            }
            for (String field : fields) {
                String ours = fieldOf(field).map(f -> " (our field " + f + ")").orElse("");
                named.add("field '" + field + "' " + Optional.ofNullable(error.errorCode()).orElse("") + ours);
            }
        }
        return named;
    }

    private Optional<Field> fieldOf(String apiName) {
        return fieldMap.fields().entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(apiName))
                .map(Map.Entry::getKey).findFirst();
    }

    private static String describe(List<SalesforceError> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (SalesforceError error : errors) {
            text.append(text.length() == 0 ? ": " : "; ");
            Optional.ofNullable(error.errorCode()).ifPresent(code -> text.append(code).append(' '));
            Optional.ofNullable(error.message()).ifPresent(text::append);
        }
        return text.toString();
    }

    List<SalesforceError> parse(String body) {
        List<SalesforceError> errors = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return errors;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException notJson) {
            errors.add(new SalesforceError(body.length() > 300 ? body.substring(0, 300) : body, null, List.of()));
            return errors;
        }
        if (root.isArray()) {
            for (JsonNode node : root) {
                if (node.isObject()) {
                    errors.add(error(node));
                } else if (node.isTextual()) {
                    // 300 Multiple Choices lists the URLs of the records an external id matched
                    errors.add(new SalesforceError(node.asText(), null, List.of()));
                }
            }
        } else if (root.isObject() && (root.has("errorCode") || root.has("message"))) {
            errors.add(error(root));
        }
        return errors;
    }

    private static SalesforceError error(JsonNode node) {
        List<String> fields = new ArrayList<>();
        node.path("fields").forEach(f -> fields.add(f.asText()));
        return new SalesforceError(node.hasNonNull("message") ? node.get("message").asText() : null,
                node.hasNonNull("errorCode") ? node.get("errorCode").asText() : null, fields);
    }
}
