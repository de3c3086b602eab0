package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HubSpot calls deals, notes and tasks share: an idempotent single-row upsert keyed by our unique property
 * (read by {@code idProperty}, never confirmed by the eventually consistent search), a v4 association with
 * HubSpot's own type id (a PUT, so a repeat leaves one association), and a search.
 */
final class HubSpotObjects {
    /**
     * The custom property, created with unique values on deals, notes and tasks, that holds our idempotency key
     * (see the README's "Connecting a real portal").
     */
    static final String KEY_PROPERTY = "orchestrator_id";

    private final HubSpotHttp http;
    private final HubSpotErrors errors;
    private final ObjectMapper json;
    private final Lane lane;

    HubSpotObjects(HubSpotHttp http, HubSpotErrors errors, ObjectMapper json, Lane lane) {
        this.http = http;
        this.errors = errors;
        this.json = json;
        this.lane = lane;
    }

    /**
     * Creates the record whose {@link #KEY_PROPERTY} is {@code key}, or writes the properties onto the one that
     * already has it: a retry after a lost answer finds the first write, though search would not see it yet.
     */
    CrmObjectId upsert(String objectName, String objectPath, String key, Map<String, String> properties) {
        String operation = "upsert " + objectName + " " + key;
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, lane, "POST",
                objectPath + "/batch/upsert", Optional.of(new HubSpotBatchDto.UpsertBatch(List.of(
                        new HubSpotBatchDto.UpsertInput(key, KEY_PROPERTY, properties, key)))));
        HubSpotBatchDto.UpsertResponse response = read(reply, operation, HubSpotBatchDto.UpsertResponse.class);
        List<HubSpotBatchDto.UpsertResult> results = Optional.ofNullable(response.results()).orElse(List.of());
        if (results.isEmpty()) {
            String why = Optional.ofNullable(response.errors()).orElse(List.of()).stream()
                    .map(e -> e.category() + ": " + e.message()).findFirst().orElse("no result and no error");
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "HubSpot " + operation + " answered " + reply.status()
                    + " without the record: " + errors.scrub(why));
        }
        return new CrmObjectId(results.get(0).id());
    }

    void update(String objectName, String objectPath, CrmObjectId id, Map<String, String> properties) {
        String operation = "update " + objectName + " " + id;
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, lane, "PATCH",
                objectPath + "/" + encode(id.value()), Optional.of(new HubSpotDto.UpdateInput(properties)));
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
    }

    /** {@code PUT /crm/v4/objects/{from}/{id}/associations/{to}/{toId}} with one HubSpot-defined type id. */
    void associate(String fromType, CrmObjectId fromId, String toType, CrmObjectId toId, int typeId) {
        String operation = "associate " + fromType + " " + fromId + " with " + toType + " " + toId;
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, lane, "PUT",
                "/crm/v4/objects/" + fromType + "/" + encode(fromId.value()) + "/associations/" + toType + "/"
                        + encode(toId.value()),
                Optional.of(List.of(new HubSpotDto.AssociationType("HUBSPOT_DEFINED", typeId))));
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
    }

    /** Records matching every filter (one filter group, so they are ANDed). */
    List<HubSpotDto.SimplePublicObject> search(String operation, String objectPath, List<HubSpotDto.Filter> filters,
            List<String> properties, int limit) {
        HubSpotDto.SearchRequest search = new HubSpotDto.SearchRequest(List.of(new HubSpotDto.FilterGroup(filters)),
                properties, List.of(), limit, "0");
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.SEARCH, lane, "POST",
                objectPath + "/search", Optional.of(search));
        return Optional.ofNullable(read(reply, operation, HubSpotDto.SearchResponse.class).results())
                .orElse(List.of());
    }

    <T> T read(HubSpotHttp.Reply reply, String operation, Class<T> type) {
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
        try {
            return json.readValue(reply.body(), type);
        } catch (IOException e) {
            throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "HubSpot " + operation + " answered " + reply.status()
                    + " with a body we cannot read (" + e.getClass().getSimpleName() + ")", Optional.empty(), null);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
