package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordType;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The backfill's writes on HubSpot, on the backfill lane: read and {@code PATCH /crm/v3/objects/{type}/{id}}
 * (an empty string clears a property), and {@code POST /crm/v3/objects/{type}/merge}. HubSpot answers a read of a
 * merged-away id with the surviving record, which is how a repeated merge is recognised. HubSpot's industry is an
 * enumeration of its own, so the taxonomy's keys are not written to it.
 */
final class HubSpotRecordFixes implements CrmRecordFixes {
    private static final String OBJECTS = "/crm/v3/objects/";

    private final HubSpotHttp http;
    private final HubSpotErrors errors;
    private final ObjectMapper json;

    HubSpotRecordFixes(HubSpotHttp http, HubSpotErrors errors, ObjectMapper json) {
        this.http = http;
        this.errors = errors;
        this.json = json;
    }

    @Override
    public String name() {
        return "hubspot";
    }

    private static String objects(RecordType type) {
        return type == RecordType.CONTACT ? "contacts" : "companies";
    }

    private static String property(RecordType type, RecordField field) {
        return switch (field) {
            case PHONE -> type == RecordType.CONTACT ? "phone" : refuse(type, field);
            case EMAIL -> type == RecordType.CONTACT ? "email" : refuse(type, field);
            case COUNTRY -> "country";
            case OWNER -> "hubspot_owner_id";
            case INDUSTRY -> refuse(type, field);
        };
    }

    private static String refuse(RecordType type, RecordField field) {
        throw new CrmFailure(CrmFailure.Kind.REVIEW, "the backfill does not write HubSpot's " + type.key() + " "
                + field.key() + (field == RecordField.INDUSTRY ? " (an enumeration of HubSpot's own)" : ""));
    }

    @Override
    public Map<RecordField, String> read(RecordType type, String id, Set<RecordField> fields) {
        Map<RecordField, String> names = new EnumMap<>(RecordField.class);
        fields.forEach(f -> names.put(f, property(type, f)));
        JsonNode object = get(type, id, String.join(",", names.values()));
        Map<RecordField, String> values = new EnumMap<>(RecordField.class);
        names.forEach((field, name) -> {
            JsonNode value = object.path("properties").get(name);
            values.put(field, value == null || value.isNull() ? "" : value.asText());
        });
        return values;
    }

    @Override
    public void write(RecordType type, String id, Map<RecordField, String> values) {
        Map<String, String> properties = new LinkedHashMap<>();
        values.forEach((field, value) -> properties.put(property(type, field), value));
        String operation = "backfill update " + type.key() + " " + id;
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, Lane.BACKFILL, "PATCH",
                OBJECTS + objects(type) + "/" + encode(id), Optional.of(Map.of("properties", properties)));
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
    }

    @Override
    public boolean merge(RecordType type, String winnerId, String loserId) {
        JsonNode loser = get(type, loserId, "hs_object_id");
        if (winnerId.equals(loser.path("id").asText())) {
            return false;
        }
        String operation = "backfill merge " + type.key() + " " + loserId + " into " + winnerId;
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, Lane.BACKFILL, "POST",
                OBJECTS + objects(type) + "/merge", Optional.of(Map.of("primaryObjectId", winnerId,
                        "objectIdToMerge", loserId)));
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
        return true;
    }

    private JsonNode get(RecordType type, String id, String properties) {
        String operation = "backfill read " + type.key() + " " + id;
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, Lane.BACKFILL, "GET",
                OBJECTS + objects(type) + "/" + encode(id) + "?properties=" + properties, Optional.empty());
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
        try {
            return json.readTree(reply.body());
        } catch (IOException e) {
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "HubSpot " + operation + " answered " + reply.status()
                    + " with a body we cannot read (" + e.getClass().getSimpleName() + ")", Optional.empty(), null);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
