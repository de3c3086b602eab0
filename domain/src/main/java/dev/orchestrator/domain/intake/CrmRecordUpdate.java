package dev.orchestrator.domain.intake;

import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Event type {@code crm.record.updated}: one change to a contact made in the CRM, as its webhook reported it
 * (HubSpot {@code contact.propertyChange}, {@code contact.creation}, {@code contact.merge},
 * {@code contact.deletion}). {@code eventId} is the CRM's own id of the event, the key it is handled once by.
 */
public sealed interface CrmRecordUpdate {
    String EVENT_TYPE = "crm.record.updated";

    String eventId();

    CrmObjectId objectId();

    Instant occurredAt();

    ChangeOrigin origin();

    /** The CRM's name for the kind of change, e.g. {@code contact.propertyChange}. */
    String kind();

    record PropertyChanged(String eventId, CrmObjectId objectId, Instant occurredAt, ChangeOrigin origin,
            String property, Optional<String> value) implements CrmRecordUpdate {
        public PropertyChanged {
            checkCommon(eventId, objectId, occurredAt, origin);
            Require.notBlank("propertyName", property);
            Require.present("propertyValue", value);
        }

        @Override
        public String kind() {
            return "contact.propertyChange";
        }
    }

    record Created(String eventId, CrmObjectId objectId, Instant occurredAt, ChangeOrigin origin)
            implements CrmRecordUpdate {
        public Created {
            checkCommon(eventId, objectId, occurredAt, origin);
        }

        @Override
        public String kind() {
            return "contact.creation";
        }
    }

    /** {@code objectId} is the record that survived; {@code merged} the ids that no longer exist. */
    record Merged(String eventId, CrmObjectId objectId, Instant occurredAt, ChangeOrigin origin,
            List<CrmObjectId> merged) implements CrmRecordUpdate {
        public Merged {
            checkCommon(eventId, objectId, occurredAt, origin);
            merged = List.copyOf(Require.present("mergedObjectIds", merged));
            Require.that(!merged.isEmpty(), "mergedObjectIds", "must name at least one merged record");
        }

        @Override
        public String kind() {
            return "contact.merge";
        }
    }

    record Deleted(String eventId, CrmObjectId objectId, Instant occurredAt, ChangeOrigin origin)
            implements CrmRecordUpdate {
        public Deleted {
            checkCommon(eventId, objectId, occurredAt, origin);
        }

        @Override
        public String kind() {
            return "contact.deletion";
        }
    }

    private static void checkCommon(String eventId, CrmObjectId objectId, Instant occurredAt, ChangeOrigin origin) {
        Require.notBlank("eventId", eventId);
        Require.present("objectId", objectId);
        Require.present("occurredAt", occurredAt);
        Require.present("origin", origin);
    }
}
