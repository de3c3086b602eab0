package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.adapter.crm.salesforce.SalesforceFieldMap.Field;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.ContactUpsert;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Contacts written two hundred at a time with sObject collections. One SOQL query finds which emails the org
 * already holds (contacts typed in by hand carry no external id, so an upsert alone would duplicate them); those
 * are updated by id ({@code PATCH /composite/sobjects}), the rest upserted on the external email id
 * ({@code PATCH /composite/sobjects/Contact/Orchestrator_Email__c}), so a replay after a lost answer updates what
 * the first attempt created. {@code allOrNone=false}: one bad row fails alone, with its {@code statusCode} and fields.
 */
final class SalesforceContactBatches implements CrmContactBatches {
    static final int BATCH_SIZE = 200;
    private static final Set<String> TRANSIENT = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE");

    private final SalesforceRecords records;
    private final SalesforceFieldMap fields;

    SalesforceContactBatches(SalesforceRecords records, SalesforceFieldMap fields) {
        this.records = records;
        this.fields = fields;
    }

    @Override
    public List<ContactUpsert> upsertContacts(List<ContactDraft> drafts) {
        List<ContactUpsert> results = new ArrayList<>(drafts.size());
        for (int from = 0; from < drafts.size(); from += BATCH_SIZE) {
            results.addAll(upsertBatch(drafts.subList(from, Math.min(drafts.size(), from + BATCH_SIZE))));
        }
        return results;
    }

    private List<ContactUpsert> upsertBatch(List<ContactDraft> batch) {
        Map<String, String> existing = existingIds(batch);
        List<ContactDraft> updates = batch.stream().filter(d -> existing.containsKey(key(d))).toList();
        List<ContactDraft> upserts = batch.stream().filter(d -> !existing.containsKey(key(d))).toList();
        Map<String, ContactUpsert> byEmail = new LinkedHashMap<>();
        if (!updates.isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ContactDraft draft : updates) {
                Map<String, Object> row = row(draft);
                row.put("id", existing.get(key(draft)));
                rows.add(row);
            }
            collect(updates, send("batch update of " + rows.size() + " contacts", "/composite/sobjects", rows),
                    false, byEmail);
        }
        if (!upserts.isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ContactDraft draft : upserts) {
                Map<String, Object> row = row(draft);
                row.put(fields.field(Field.EMAIL), draft.email().value());
                row.putIfAbsent(fields.field(Field.LAST_NAME), SalesforceCrmGateway.NOT_PROVIDED);
                rows.add(row);
            }
            collect(upserts, send("batch upsert of " + rows.size() + " contacts", "/composite/sobjects/Contact/"
                    + fields.field(Field.EXTERNAL_EMAIL), rows), true, byEmail);
        }
        return batch.stream().map(d -> byEmail.get(key(d))).toList();
    }

    private Map<String, String> existingIds(List<ContactDraft> batch) {
        String emails = batch.stream().map(d -> Soql.quote(d.email().value())).distinct()
                .collect(Collectors.joining(", "));
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode record : records.query("find contacts of a batch", "SELECT Id, " + fields.field(Field.EMAIL)
                + " FROM Contact WHERE " + fields.field(Field.EMAIL) + " IN (" + emails + ")")) {
            ids.putIfAbsent(record.path(fields.field(Field.EMAIL)).asText("").toLowerCase(Locale.ROOT),
                    record.path("Id").asText());
        }
        return ids;
    }

    private JsonNode send(String operation, String path, List<Map<String, Object>> rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allOrNone", false);
        body.put("records", rows);
        SalesforceHttp.Reply reply = records.http().send(operation, "PATCH", path, Optional.of(body));
        if (!reply.ok()) {
            throw records.errors().classify(operation, reply);
        }
        return records.errors().body(operation, reply);
    }

    /** Results come back in input order; inside collections the error code is {@code statusCode}. */
    private static void collect(List<ContactDraft> drafts, JsonNode results, boolean upsert,
            Map<String, ContactUpsert> byEmail) {
        for (int i = 0; i < drafts.size(); i++) {
            ContactDraft draft = drafts.get(i);
            JsonNode result = results.path(i);
            if (result.path("success").asBoolean(false)) {
                byEmail.put(key(draft), ContactUpsert.written(draft.email(), new CrmObjectId(result.path("id")
                        .asText()), upsert && result.path("created").asBoolean(false)));
                continue;
            }
            List<String> problems = new ArrayList<>();
            boolean transientOnly = result.path("errors").size() > 0;
            for (JsonNode error : result.path("errors")) {
                String code = error.path("statusCode").asText(error.path("errorCode").asText(""));
                transientOnly &= TRANSIENT.contains(code);
                List<String> named = new ArrayList<>();
                error.path("fields").forEach(f -> named.add(f.asText()));
                problems.add(code + " " + error.path("message").asText("") + (named.isEmpty() ? ""
                        : " (fields " + String.join(", ", named) + ")"));
            }
            String message = "Salesforce refused contact " + draft.email() + ": "
                    + (problems.isEmpty() ? "no result for this row" : String.join("; ", problems));
            byEmail.put(key(draft), ContactUpsert.failed(draft.email(), transientOnly
                    ? new CrmFailure(CrmFailure.Kind.RETRYABLE, message, Optional.empty(), null)
                    : new CrmFailure(CrmFailure.Kind.REVIEW, message)));
        }
    }

    private Map<String, Object> row(ContactDraft draft) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("attributes", Map.of("type", "Contact"));
        row.put(fields.field(Field.EXTERNAL_EMAIL), draft.email().value());
        draft.name().first().ifPresent(v -> row.put(fields.field(Field.FIRST_NAME), v));
        draft.name().last().ifPresent(v -> row.put(fields.field(Field.LAST_NAME), v));
        draft.company().ifPresent(v -> row.put(fields.field(Field.COMPANY), v));
        draft.phone().ifPresent(v -> row.put(fields.field(Field.PHONE), v));
        draft.lifecycleStage().ifPresent(v -> row.put(fields.field(Field.LIFECYCLE_STAGE), v));
        draft.ownerId().ifPresent(v -> row.put(fields.field(Field.OWNER), v));
        return row;
    }

    private static String key(ContactDraft draft) {
        return draft.email().value().toLowerCase(Locale.ROOT);
    }
}
