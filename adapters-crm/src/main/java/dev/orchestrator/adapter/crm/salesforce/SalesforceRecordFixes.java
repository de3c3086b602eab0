package dev.orchestrator.adapter.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.adapter.crm.salesforce.SalesforceFieldMap.Field;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The backfill's writes on Salesforce: a field read is {@code GET /sobjects/{Contact|Account}/{id}?fields=…}, a
 * write {@code PATCH} of the same (null clears a field), and a merge the SOAP API's {@code merge()} call, since REST
 * has none. Salesforce's merge keeps the master's values and takes nothing from the merged record unless the request
 * sets it, so the master's blank fields are filled from the loser in the same call — the port's "the winner takes
 * the loser's where it has none". A merged record stays in the recycle bin with {@code MasterRecordId} set, which
 * {@code queryAll} reads: that is how a repeated merge is recognised. Account {@code Industry} is a picklist of the
 * org's own, so the taxonomy's keys are not written to it.
 */
final class SalesforceRecordFixes implements CrmRecordFixes {
    /** Salesforce record ids: 15 characters, or 18 with the case-safe suffix. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?");

    private final SalesforceHttp http;
    private final SalesforceErrors errors;
    private final SalesforceFieldMap fields;
    private final ObjectMapper json;

    SalesforceRecordFixes(SalesforceHttp http, SalesforceErrors errors, SalesforceFieldMap fields, ObjectMapper json) {
        this.http = http;
        this.errors = errors;
        this.fields = fields;
        this.json = json;
    }

    @Override
    public String name() {
        return "salesforce";
    }

    private static String sObject(RecordType type) {
        return type == RecordType.CONTACT ? "Contact" : "Account";
    }

    private String field(RecordType type, RecordField field) {
        return switch (field) {
            case PHONE -> type == RecordType.CONTACT ? fields.field(Field.PHONE) : refuse(type, field);
            case EMAIL -> type == RecordType.CONTACT ? fields.field(Field.EMAIL) : refuse(type, field);
            case COUNTRY -> type == RecordType.CONTACT ? "MailingCountry" : "BillingCountry";
            case OWNER -> fields.field(Field.OWNER);
            case INDUSTRY -> refuse(type, field);
        };
    }

    private static String refuse(RecordType type, RecordField field) {
        throw new CrmFailure(CrmFailure.Kind.REVIEW, "the backfill does not write Salesforce's " + type.key() + " "
                + field.key() + (field == RecordField.INDUSTRY ? " (a picklist of the org's own)" : ""));
    }

    /** The fields a merge fills on the master where it is blank and the merged record is not. */
    private List<String> mergedFields(RecordType type) {
        return type == RecordType.CONTACT
                ? List.of(fields.field(Field.EMAIL), fields.field(Field.FIRST_NAME), fields.field(Field.LAST_NAME),
                        fields.field(Field.PHONE), "MailingCountry", fields.field(Field.COMPANY),
                        fields.field(Field.LIFECYCLE_STAGE), fields.field(Field.CONTACT_ACCOUNT))
                : List.of(fields.field(Field.ACCOUNT_NAME), fields.field(Field.ACCOUNT_WEBSITE), "Industry",
                        "BillingCountry");
    }

    @Override
    public Map<RecordField, String> read(RecordType type, String id, Set<RecordField> wanted) {
        Map<RecordField, String> names = new EnumMap<>(RecordField.class);
        wanted.forEach(f -> names.put(f, field(type, f)));
        JsonNode record = get(type, id, List.copyOf(names.values()));
        Map<RecordField, String> values = new EnumMap<>(RecordField.class);
        names.forEach((f, name) -> values.put(f, text(record, name)));
        return values;
    }

    @Override
    public void write(RecordType type, String id, Map<RecordField, String> values) {
        ObjectNode body = json.createObjectNode();
        values.forEach((f, value) -> {
            if (value.isEmpty()) {
                body.putNull(field(type, f));
            } else {
                body.put(field(type, f), value);
            }
        });
        String operation = "backfill update " + type.key() + " " + id;
        SalesforceHttp.Reply reply = http.send(operation, "PATCH", "/sobjects/" + sObject(type) + "/" + checked(id),
                Optional.of(body));
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
    }

    @Override
    public boolean merge(RecordType type, String winnerId, String loserId) {
        String operation = "backfill merge " + type.key() + " " + loserId + " into " + winnerId;
        List<String> merged = mergedFields(type);
        List<JsonNode> both = bothRecords(type, checked(winnerId), checked(loserId), merged, operation);
        JsonNode winner = both.get(0);
        JsonNode loser = both.get(1);
        if (loser.path("IsDeleted").asBoolean(false)) {
            String master = text(loser, "MasterRecordId");
            if (master.equals(winnerId)) {
                return false;
            }
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "Salesforce " + operation + ": the record is deleted"
                    + (master.isEmpty() ? "" : ", merged into " + master));
        }
        if (winner.path("IsDeleted").asBoolean(false)) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "Salesforce " + operation + ": the surviving record "
                    + winnerId + " is deleted");
        }
        Map<String, String> fills = new LinkedHashMap<>();
        for (String name : merged) {
            if (text(winner, name).isBlank() && !text(loser, name).isBlank()) {
                fills.put(name, text(loser, name));
            }
        }
        SalesforceHttp.Reply reply = http.soap(operation, token -> SalesforceSoap.mergeEnvelope(token,
                sObject(type), winnerId, fills, loserId));
        SalesforceSoap.Outcome outcome = SalesforceSoap.mergeOutcome(reply.body());
        if (reply.ok() && outcome.success()) {
            return true;
        }
        throw errors.classifySoap(operation, reply.status(), outcome.errors());
    }

    /**
     * Both records with the merged fields, deleted or not, in one {@code queryAll} (it sees the recycle bin, where
     * merged records go, with {@code MasterRecordId}): the winner first, then the loser. Salesforce answers 18-letter
     * ids, so a 15-letter id is matched by its first fifteen.
     */
    private List<JsonNode> bothRecords(RecordType type, String winnerId, String loserId, List<String> fields,
            String operation) {
        String soql = "SELECT Id, IsDeleted, MasterRecordId, " + String.join(", ", fields) + " FROM "
                + sObject(type) + " WHERE Id IN (" + Soql.quote(winnerId) + ", " + Soql.quote(loserId) + ")";
        SalesforceHttp.Reply reply = http.send(operation, "GET", "/queryAll?q=" + encode(soql), Optional.empty());
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
        JsonNode records = errors.body(operation, reply).path("records");
        List<JsonNode> both = new ArrayList<>();
        for (String id : List.of(winnerId, loserId)) {
            JsonNode found = null;
            for (JsonNode record : records) {
                if (record.path("Id").asText().regionMatches(0, id, 0, 15)) {
                    found = record;
                }
            }
            if (found == null) {
                throw errors.classify(operation, new SalesforceHttp.Reply(404, reply.headers(),
                        "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"no " + sObject(type) + " has the id " + id
                                + "\"}]"));
            }
            both.add(found);
        }
        return both;
    }

    private JsonNode get(RecordType type, String id, List<String> names) {
        String operation = "backfill read " + type.key() + " " + id;
        SalesforceHttp.Reply reply = http.send(operation, "GET", "/sobjects/" + sObject(type) + "/" + checked(id)
                + "?fields=" + encode(String.join(",", names)), Optional.empty());
        if (!reply.ok()) {
            throw errors.classify(operation, reply);
        }
        return errors.body(operation, reply);
    }


    /** Ids go into paths, SOQL and the SOAP envelope: anything but a Salesforce id is refused before it is sent. */
    private static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new CrmFailure(CrmFailure.Kind.REVIEW, "'" + id + "' is not a Salesforce record id (15 or 18 "
                    + "letters and digits)");
        }
        return id;
    }

    private static String text(JsonNode record, String name) {
        JsonNode value = record.get(name);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
