package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The one place a HubSpot answer becomes a {@link CrmFailure}: retry (429, 5xx), review (the data is wrong:
 * invalid property or option, unknown record, conflict) or alert (the connection is wrong: token, scopes).
 * Messages carry HubSpot's category, message and correlation id (what HubSpot support asks for), never the token.
 */
final class HubSpotErrors {
    private static final Pattern EXISTING_ID = Pattern.compile("Existing ID:\\s*(\\d+)");
    private static final String PROPERTY_LIST_MARKER = "Property values were not valid:";
    private static final int MAX_MESSAGE = 500;

    private final ObjectMapper json;
    private final String token;
    private final HubSpotFieldMap fieldMap;

    HubSpotErrors(ObjectMapper json, String token, HubSpotFieldMap fieldMap) {
        this.json = json;
        this.token = token;
        this.fieldMap = fieldMap;
    }

    CrmFailure classify(String operation, HubSpotHttp.Reply reply) {
        int status = reply.status();
        HubSpotDto.ErrorBody body = parse(reply);
        String category = Optional.ofNullable(body.category()).orElse(Optional.ofNullable(body.errorType()).orElse(""));
        String what = "HubSpot " + operation + " answered " + status + describe(body);
        if (status == 429) {
            return rateLimited(operation, reply, Duration.ZERO, 1);
        }
        if (status >= 500) {
            return new CrmFailure(Kind.RETRYABLE, what, Optional.empty(), null);
        }
        if (status == 401) {
            return new CrmFailure(Kind.ALERT, what + " — the private-app token is invalid, expired or revoked");
        }
        if (status == 403) {
            String scopes = scopes(body);
            return new CrmFailure(Kind.ALERT, what + ("MISSING_SCOPES".equals(category) || !scopes.isEmpty()
                    ? " — the private app lacks scopes" + (scopes.isEmpty() ? "" : ": " + scopes)
                    : " — the private app may not do this"));
        }
        if (status == 400 && "VALIDATION_ERROR".equals(category)) {
            List<String> properties = rejectedProperties(body);
            String named = properties.isEmpty() ? "" : " — rejected " + String.join(", ", properties);
            return new CrmFailure(Kind.REVIEW, what + named);
        }
        return new CrmFailure(Kind.REVIEW, what);
    }

    CrmFailure rateLimited(String operation, HubSpotHttp.Reply reply, Duration retryAfter, int attempts) {
        HubSpotDto.ErrorBody body = parse(reply);
        String policy = Optional.ofNullable(body.policyName()).map(p -> " (" + p + ")").orElse("");
        return new CrmFailure(Kind.RETRYABLE, "HubSpot " + operation + " rate limited" + policy + " after "
                + attempts + (attempts == 1 ? " attempt" : " attempts") + describe(body), Optional.of(retryAfter),
                null);
    }

    boolean isDailyLimit(HubSpotHttp.Reply reply) {
        return "DAILY".equals(parse(reply).policyName());
    }

    /** The id HubSpot names in a 409 on create: "Contact already exists. Existing ID: 12345". */
    Optional<String> existingId(HubSpotHttp.Reply reply) {
        Matcher matcher = EXISTING_ID.matcher(Optional.ofNullable(parse(reply).message()).orElse(""));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Defence in depth: a server that echoes the token (some do, in auth errors) never gets it into our logs. */
    String scrub(String text) {
        return text.replace(token, "[redacted]");
    }

    HubSpotDto.ErrorBody parse(HubSpotHttp.Reply reply) {
        try {
            if (reply.body() != null && reply.body().strip().startsWith("{")) {
                return json.readValue(reply.body(), HubSpotDto.ErrorBody.class);
            }
        } catch (IOException unreadable) {
            // not HubSpot's error shape (a proxy's HTML page, say): fall through to the raw text
        }
        String raw = reply.body() == null ? "" : reply.body();
        return new HubSpotDto.ErrorBody(null, raw.isBlank() ? null : raw, null, null, null, null, null, null, null);
    }

    private String describe(HubSpotDto.ErrorBody body) {
        StringBuilder text = new StringBuilder();
        Optional.ofNullable(body.category()).or(() -> Optional.ofNullable(body.errorType()))
                .ifPresent(c -> text.append(' ').append(c));
        Optional.ofNullable(body.subCategory()).ifPresent(c -> text.append('/').append(c));
        Optional.ofNullable(body.message()).ifPresent(m -> text.append(": ").append(shorten(m)));
        Optional.ofNullable(body.correlationId()).ifPresent(id -> text.append(" (correlationId ").append(id).append(')'));
        return scrub(text.toString());
    }

    /** Property names HubSpot rejected, each with the canonical field it carries when the field map knows it. */
    private List<String> rejectedProperties(HubSpotDto.ErrorBody body) {
        Set<String> names = new LinkedHashSet<>();
        List<String> reasons = new ArrayList<>();
        embeddedValidations(body.message()).forEach(v -> {
            if (v.name() != null) {
                names.add(v.name());
                reasons.add(v.name() + (v.error() == null ? "" : " " + v.error()));
            }
        });
        propertyNames(body.context()).forEach(names::add);
        Optional.ofNullable(body.errors()).orElse(List.of())
                .forEach(detail -> propertyNames(detail.context()).forEach(names::add));
        List<String> described = new ArrayList<>();
        for (String name : names) {
            String reason = reasons.stream().filter(r -> r.startsWith(name + " ")).findFirst()
                    .map(r -> r.substring(name.length() + 1)).map(r -> " " + r).orElse("");
            String field = fieldMap.fieldOf(name).map(f -> " (our field " + f + ")").orElse("");
            described.add("property '" + name + "'" + reason + field);
        }
        return described;
    }

    private List<HubSpotDto.PropertyValidation> embeddedValidations(String message) {
        if (message == null) {
            return List.of();
        }
        int marker = message.indexOf(PROPERTY_LIST_MARKER);
        int start = marker < 0 ? -1 : message.indexOf('[', marker);
        int end = message.lastIndexOf(']');
        if (start < 0 || end < start) {
            return List.of();
        }
        try {
            return json.readValue(message.substring(start, end + 1), new TypeReference<>() { });
        } catch (IOException notTheDocumentedList) {
            return List.of();
        }
    }

    private static List<String> propertyNames(Map<String, List<String>> context) {
        if (context == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String key : List.of("propertyName", "propertyNames", "invalidPropertyName")) {
            names.addAll(Optional.ofNullable(context.get(key)).orElse(List.of()));
        }
        return names;
    }

    private static String scopes(HubSpotDto.ErrorBody body) {
        if (body.context() == null) {
            return "";
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String key : List.of("requiredGranularScopes", "requiredScopes", "missingScopes")) {
            scopes.addAll(Optional.ofNullable(body.context().get(key)).orElse(List.of()));
        }
        return String.join(", ", scopes);
    }

    private static String shorten(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
