package dev.orchestrator.adapter.crm.hubspot;

import dev.orchestrator.adapter.crm.hubspot.HubSpotFieldMap.Field;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.ContactUpsert;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts upserted a hundred at a time ({@code POST /crm/v3/objects/contacts/batch/upsert}, {@code idProperty}
 * email): one request per hundred contacts instead of two (search, then write) per contact, and no search at all,
 * so a replay after a lost answer finds every contact the first attempt wrote. Each row carries its position as
 * {@code objectWriteTraceId}, which is how HubSpot's 207 answers say which rows failed.
 */
final class HubSpotContactBatches implements CrmContactBatches {
    static final int BATCH_SIZE = 100;
    private static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";

    private final HubSpotHttp http;
    private final HubSpotObjects objects;
    private final HubSpotFieldMap fields;
    private final Lane lane;

    HubSpotContactBatches(HubSpotHttp http, HubSpotObjects objects, HubSpotFieldMap fields, Lane lane) {
        this.http = http;
        this.objects = objects;
        this.fields = fields;
        this.lane = lane;
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
        List<HubSpotBatchDto.UpsertInput> inputs = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            inputs.add(new HubSpotBatchDto.UpsertInput(batch.get(i).email().value(), fields.property(Field.EMAIL),
                    properties(batch.get(i)), Integer.toString(i)));
        }
        String operation = "batch upsert of " + batch.size() + " contacts";
        HubSpotHttp.Reply reply = http.send(operation, RateLimiter.Budget.BURST, lane, "POST", UPSERT,
                Optional.of(new HubSpotBatchDto.UpsertBatch(inputs)));
        HubSpotBatchDto.UpsertResponse response = objects.read(reply, operation, HubSpotBatchDto.UpsertResponse.class);
        Map<String, HubSpotBatchDto.UpsertResult> byTrace = new LinkedHashMap<>();
        Map<String, HubSpotBatchDto.UpsertResult> byEmail = new LinkedHashMap<>();
        for (HubSpotBatchDto.UpsertResult result : Optional.ofNullable(response.results()).orElse(List.of())) {
            Optional.ofNullable(result.objectWriteTraceId()).ifPresent(t -> byTrace.put(t, result));
            Optional.ofNullable(result.properties()).map(p -> p.get(fields.property(Field.EMAIL)))
                    .ifPresent(e -> byEmail.put(e.toLowerCase(Locale.ROOT), result));
        }
        String rowError = Optional.ofNullable(response.errors()).orElse(List.of()).stream()
                .map(e -> e.category() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("no result");
        List<ContactUpsert> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            EmailAddress email = batch.get(i).email();
            HubSpotBatchDto.UpsertResult result = Optional.ofNullable(byTrace.get(Integer.toString(i)))
                    .orElse(byEmail.get(email.value().toLowerCase(Locale.ROOT)));
            out.add(result == null
                    ? ContactUpsert.failed(email, new CrmFailure(CrmFailure.Kind.REVIEW, "HubSpot " + operation
                            + " answered " + reply.status() + " without row " + email + ": " + rowError))
                    : ContactUpsert.written(email, new CrmObjectId(result.id()), Boolean.TRUE.equals(result.created())));
        }
        return out;
    }

    private Map<String, String> properties(ContactDraft draft) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(fields.property(Field.EMAIL), draft.email().value());
        draft.name().first().ifPresent(v -> properties.put(fields.property(Field.FIRST_NAME), v));
        draft.name().last().ifPresent(v -> properties.put(fields.property(Field.LAST_NAME), v));
        draft.company().ifPresent(v -> properties.put(fields.property(Field.COMPANY), v));
        draft.phone().ifPresent(v -> properties.put(fields.property(Field.PHONE), v));
        draft.lifecycleStage().ifPresent(v -> properties.put(fields.property(Field.LIFECYCLE_STAGE),
                fields.toPortalStage(v)));
        draft.ownerId().ifPresent(v -> properties.put(fields.property(Field.OWNER), v));
        return properties;
    }
}
