package dev.orchestrator.application.normalize;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event types of the internal contract and the canonical fields each must carry. A lead's are checked by the
 * validator together with everything else it finds (one review with every reason); a signal's by its field map.
 */
public final class EventTypes {
    public static final String LEAD_SUBMITTED = "lead.submitted";
    public static final String ACTIVITY_RECORDED = "activity.recorded";
    public static final String MEETING_BOOKED = "meeting.booked";
    public static final String PAYMENT_SUCCEEDED = "payment.succeeded";
    public static final String CRM_RECORD_UPDATED = "crm.record.updated";

    private static final Map<String, List<String>> REQUIRED = Map.of(
            LEAD_SUBMITTED, List.of("email", "consent"),
            ACTIVITY_RECORDED, List.of("id", "type", "email", "occurredAt"),
            MEETING_BOOKED, List.of("id", "type", "email", "occurredAt"),
            PAYMENT_SUCCEEDED, List.of("id", "type", "email", "occurredAt", "amount", "currency"));

    /** Event types whose payload becomes a signal about a person rather than a lead. */
    public static final Set<String> SIGNALS = Set.of(ACTIVITY_RECORDED, MEETING_BOOKED, PAYMENT_SUCCEEDED);

    private EventTypes() {
    }

    public static boolean known(String type) {
        return REQUIRED.containsKey(type) || type.equals(CRM_RECORD_UPDATED);
    }

    /** The canonical fields an event of this type cannot do without; empty for a type with none. */
    public static List<String> required(String type) {
        return REQUIRED.getOrDefault(type, List.of());
    }
}
