package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.adapter.crm.hubspot.HubSpotFieldMap.Field;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the portal's contact property definitions ({@code GET /crm/v3/properties/contacts}) and checks the field
 * map against them, so a renamed property or a missing lifecycle option shows at start-up, not as a review item
 * on the first lead.
 */
final class HubSpotFieldMapVerifier {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PropertyDefinition(String name, String label, String type, List<Option> options,
            Modification modificationMetadata, Boolean hidden) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Option(String label, String value, Boolean hidden) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Modification(Boolean readOnlyValue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Definitions(List<PropertyDefinition> results) {
    }

    private final HubSpotHttp http;
    private final HubSpotErrors errors;
    private final ObjectMapper json;

    HubSpotFieldMapVerifier(HubSpotHttp http, HubSpotErrors errors, ObjectMapper json) {
        this.http = http;
        this.errors = errors;
        this.json = json;
    }

    FieldMapCheck check(HubSpotFieldMap map) {
        HubSpotHttp.Reply reply = http.send("read contact property definitions", RateLimiter.Budget.BURST,
                Lane.LIVE, "GET", "/crm/v3/properties/contacts?archived=false", Optional.empty());
        if (!reply.ok()) {
            throw errors.classify("read contact property definitions", reply);
        }
        Map<String, PropertyDefinition> byName = definitions(reply).stream()
                .collect(Collectors.toMap(PropertyDefinition::name, Function.identity(), (a, b) -> a));
        List<String> problems = new ArrayList<>();
        for (Field field : Field.values()) {
            String property = map.property(field);
            PropertyDefinition definition = byName.get(property);
            if (definition == null) {
                problems.add(field + " maps to property '" + property + "', which the portal does not have"
                        + labelledLike(property, byName));
            } else if (definition.modificationMetadata() != null
                    && Boolean.TRUE.equals(definition.modificationMetadata().readOnlyValue())) {
                problems.add(field + " maps to property '" + property + "', whose value is read-only");
            }
        }
        PropertyDefinition stages = byName.get(map.property(Field.LIFECYCLE_STAGE));
        if (stages != null) {
            List<String> options = Optional.ofNullable(stages.options()).orElse(List.of()).stream()
                    .filter(o -> !Boolean.TRUE.equals(o.hidden())).map(Option::value).toList();
            map.lifecycleStages().forEach((ours, portal) -> {
                if (!options.contains(portal)) {
                    problems.add("stage '" + ours + "' maps to '" + portal + "', which is not an option of '"
                            + stages.name() + "' (options: " + String.join(", ", options) + ")");
                }
            });
        }
        problems.sort(String::compareTo);
        return new FieldMapCheck(problems);
    }

    /** Labels are not keys: point at the internal name when someone mapped a label. */
    private static String labelledLike(String wanted, Map<String, PropertyDefinition> byName) {
        return byName.values().stream()
                .filter(d -> d.label() != null && normalized(d.label()).equals(normalized(wanted)))
                .findFirst()
                .map(d -> "; the property labelled '" + d.label() + "' has the internal name '" + d.name() + "'")
                .orElse("");
    }

    private static String normalized(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private List<PropertyDefinition> definitions(HubSpotHttp.Reply reply) {
        try {
            return Optional.ofNullable(json.readValue(reply.body(), Definitions.class).results()).orElse(List.of());
        } catch (IOException e) {
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "HubSpot property definitions unreadable ("
                    + e.getClass().getSimpleName() + ")", Optional.empty(), null);
        }
    }
}
