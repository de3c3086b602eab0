package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST calls deals, tasks and batches share: SOQL (page by page), upsert by our external id, update and create
 * of one sObject, each failure classified by {@link SalesforceErrors}.
 */
final class SalesforceRecords {
    /**
     * The External ID (Unique) text field, created on Opportunity and Task, that holds our idempotency key (see the
     * README's "Connecting a real org").
     */
    static final String KEY_FIELD = "Orchestrator_Id__c";

    private final SalesforceHttp http;
    private final SalesforceErrors errors;

    SalesforceRecords(SalesforceHttp http, SalesforceErrors errors) {
        this.http = http;
        this.errors = errors;
    }

    /**
     * {@code PATCH /sobjects/{type}/Orchestrator_Id__c/{key}}: 201 when created, 200 (204 before v46) when the key
     * already had a record, which is then updated; 300 when several records hold the key (review).
     */
    CrmObjectId upsert(String type, String key, Map<String, Object> values) {
        String operation = "upsert " + type + " " + key;
        SalesforceHttp.Reply reply = http.send(operation, "PATCH", "/sobjects/" + type + "/" + KEY_FIELD + "/"
                + encode(key), Optional.of(values));
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
        String id = errors.body(operation, reply).path("id").asText("");
        if (!id.isEmpty()) {
            return new CrmObjectId(id);
        }
        // 204 from an older API version: the record exists, read its id by the key
        return query(operation, "SELECT Id FROM " + type + " WHERE " + KEY_FIELD + " = " + Soql.quote(key)
                + " LIMIT 1").stream().findFirst().map(r -> new CrmObjectId(r.path("Id").asText()))
                .orElseThrow(() -> new CrmFailure(CrmFailure.Kind.RETRYABLE, "Salesforce " + operation
                        + " answered " + reply.status() + " but no record holds the key yet", Optional.empty(), null));
    }

    CrmObjectId create(String type, Map<String, Object> values) {
        String operation = "create " + type;
        SalesforceHttp.Reply reply = http.send(operation, "POST", "/sobjects/" + type, Optional.of(values));
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
        return new CrmObjectId(errors.body(operation, reply).path("id").asText());
    }

    void update(String type, CrmObjectId id, Map<String, Object> values) {
        String operation = "update " + type + " " + id;
        SalesforceHttp.Reply reply = http.send(operation, "PATCH", "/sobjects/" + type + "/" + encode(id.value()),
                Optional.of(values));
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
    }

    /** Every record of a SOQL query, following {@code nextRecordsUrl} page by page. */
    List<JsonNode> query(String operation, String soql) {
        List<JsonNode> records = new ArrayList<>();
        String path = "/query?q=" + encode(soql);
        while (path != null) {
            SalesforceHttp.Reply reply = http.send(operation, "GET", path, Optional.empty());
            if (!reply.ok()) {
                throw errors.classify(operation, reply);
            }
            JsonNode page = errors.body(operation, reply);
            page.path("records").forEach(records::add);
            path = page.path("done").asBoolean(true) || !page.hasNonNull("nextRecordsUrl") ? null
                    : page.get("nextRecordsUrl").asText();
        }
        return records;
    }

    SalesforceHttp http() {
        return http;
    }

    SalesforceErrors errors() {
        return errors;
    }


    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
