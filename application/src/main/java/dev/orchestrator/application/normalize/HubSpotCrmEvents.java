package dev.orchestrator.application.normalize;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.intake.ChangeOrigin;
import dev.orchestrator.domain.intake.CrmRecordUpdate;
import dev.orchestrator.domain.shared.DomainViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a HubSpot webhook delivery (a JSON array batch of events, see research/crm-api-contracts.md §1.9) into
 * {@code crm.record.updated} events: {@code contact.propertyChange}, {@code contact.creation},
 * {@code contact.merge}, {@code contact.deletion}. Each item stands alone: one unreadable item is reported and
 * the rest are read. HubSpot's lifecycle stage values ({@code marketingqualifiedlead}...) are mapped to ours.
 */
public final class HubSpotCrmEvents {
    public static final String STAGE_PROPERTY = "lifecyclestage";
    public static final String OWNER_PROPERTY = "hubspot_owner_id";
    /** Properties HubSpot moves when an activity (note, call, email, meeting, task) is logged on the contact. */
    public static final List<String> ACTIVITY_PROPERTIES = List.of("notes_last_updated", "notes_last_contacted",
            "hs_last_sales_activity_timestamp", "hs_last_sales_activity_date", "num_contacted_notes",
            "hs_sales_email_last_replied");

    private final Map<String, LifecycleStage> stages;

    /** HubSpot's default lifecycle stage values, plus our own keys for the stages a portal adds (nurture...). */
    public HubSpotCrmEvents() {
        this(Map.of());
    }

    /** {@code portalStages}: a portal's own values for our stages (value → stage), over the defaults. */
    public HubSpotCrmEvents(Map<String, LifecycleStage> portalStages) {
        Map<String, LifecycleStage> all = new LinkedHashMap<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            all.put(stage.key(), stage);
        }
        all.put("marketingqualifiedlead", LifecycleStage.MQL);
        all.put("salesqualifiedlead", LifecycleStage.SQL);
        portalStages.forEach((value, stage) -> all.put(value.toLowerCase(Locale.ROOT), stage));
        this.stages = Map.copyOf(all);
    }

    public String version() {
        return "hubspot-crm-v1";
    }

    /** One HubSpot event, read or not. */
    public sealed interface Item {
    }

    public record Read(CrmRecordUpdate update) implements Item {
    }

    /** An event of another object type ({@code company.*}, {@code deal.*}): not ours to apply. */
    public record Skipped(String eventId, String subscriptionType) implements Item {
    }

    /** An item that cannot be read: its position, its event id if it had one, and what was wrong. */
    public record Unreadable(int index, Optional<String> eventId, String reason) implements Item {
    }

    public List<Item> read(PayloadTree payload) {
        List<?> batch;
        if (payload.root() instanceof List<?> list) {
            batch = list;
        } else if (payload.isObject()) {
            batch = List.of(payload.root());
        } else {
            throw new UnprocessablePayload("a HubSpot webhook body must be a JSON array of events");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PayloadTree event = new PayloadTree(batch.get(i));
            Optional<String> eventId = event.text("eventId");
            if (!event.isObject()) {
                items.add(new Unreadable(i, Optional.empty(), "an event must be a JSON object"));
                continue;
            }
            try {
                items.add(item(event));
            } catch (DomainViolation e) {
                items.add(new Unreadable(i, eventId, e.field() + " " + e.reason()));
            }
        }
        return items;
    }

    /** Our stage for a portal's lifecycle stage value; empty for a value outside our stages (e.g. "evangelist"). */
    public Optional<LifecycleStage> stage(String portalValue) {
        return Optional.ofNullable(stages.get(portalValue.strip().toLowerCase(Locale.ROOT)));
    }

    private Item item(PayloadTree event) {
        String eventId = required(event, "eventId");
        String type = required(event, "subscriptionType");
        if (!type.startsWith("contact.")) {
            return new Skipped(eventId, type);
        }
        CrmObjectId objectId = new CrmObjectId(required(event, "objectId"));
        Instant occurredAt = instant(event);
        ChangeOrigin origin = new ChangeOrigin(event.text("changeSource").orElse("UNKNOWN"), event.text("sourceId"));
        return switch (type) {
            case "contact.propertyChange" -> new Read(new CrmRecordUpdate.PropertyChanged(eventId, objectId,
                    occurredAt, origin, required(event, "propertyName"), event.text("propertyValue")));
            case "contact.creation" -> new Read(new CrmRecordUpdate.Created(eventId, objectId, occurredAt, origin));
            case "contact.deletion", "contact.privacyDeletion" ->
                    new Read(new CrmRecordUpdate.Deleted(eventId, objectId, occurredAt, origin));
            case "contact.merge" -> merge(event, eventId, objectId, occurredAt, origin);
            default -> new Skipped(eventId, type);
        };
    }

    /** The survivor is {@code primaryObjectId} (else {@code objectId}); merged ids other than it are gone. */
    private static Item merge(PayloadTree event, String eventId, CrmObjectId objectId, Instant occurredAt,
            ChangeOrigin origin) {
        CrmObjectId survivor = event.text("newObjectId").or(() -> event.text("primaryObjectId")).map(CrmObjectId::new)
                .orElse(objectId);
        List<CrmObjectId> merged = new ArrayList<>();
        Object ids = event.at("mergedObjectIds").orElseThrow(() -> new DomainViolation("mergedObjectIds",
                "is required on contact.merge"));
        if (!(ids instanceof List<?> list)) {
            throw new DomainViolation("mergedObjectIds", "must be an array of ids");
        }
        for (Object id : list) {
            String value = id instanceof BigDecimal number ? number.toPlainString() : String.valueOf(id);
            if (!value.equals(survivor.value())) {
                merged.add(new CrmObjectId(value));
            }
        }
        if (!objectId.equals(survivor) && !merged.contains(objectId)) {
            merged.add(objectId);
        }
        return new Read(new CrmRecordUpdate.Merged(eventId, survivor, occurredAt, origin, merged));
    }

    private static Instant instant(PayloadTree event) {
        Object value = event.at("occurredAt").orElseThrow(() -> new DomainViolation("occurredAt", "is required"));
        try {
            if (value instanceof BigDecimal millis) {
                return Instant.ofEpochMilli(millis.longValueExact());
            }
            if (value instanceof String text) {
                return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text))
                        : Instant.parse(text);
            }
        } catch (ArithmeticException | java.time.format.DateTimeParseException | NumberFormatException e) {
            // answered below
        }
        throw new DomainViolation("occurredAt", "must be epoch milliseconds");
    }

    private static String required(PayloadTree event, String field) {
        Object value = event.at(field).orElseThrow(() -> new DomainViolation(field, "is required"));
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return event.text(field).orElseThrow(() -> new DomainViolation(field, "is required"));
    }
}
