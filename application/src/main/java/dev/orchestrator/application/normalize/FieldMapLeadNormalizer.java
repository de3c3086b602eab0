package dev.orchestrator.application.normalize;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.domain.intake.LeadEvent;
import dev.orchestrator.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A lead source read through its field map: the canonical lead fields become the {@link LeadEvent}'s own, every
 * other mapped field one of its attributes (state, zip, budgetRange, urgency, utm.*, …).
 */
public final class FieldMapLeadNormalizer implements LeadNormalizer {
    static final Set<String> CORE = Set.of("id", "submittedAt", "email", "firstName", "lastName", "company",
            "website", "phone", "country", "consent");
    private final FieldMap map;

    public FieldMapLeadNormalizer(FieldMap map) {
        if (!map.eventType().equals(EventTypes.LEAD_SUBMITTED)) {
            throw new DomainViolation("event", "the field map of '" + map.source() + "' maps " + map.eventType()
                    + ", not " + EventTypes.LEAD_SUBMITTED);
        }
        this.map = map;
    }

    @Override
    public String version() {
        return map.version();
    }

    @Override
    public LeadEvent normalize(String source, String deliveryId, PayloadTree payload) {
        MappedFields fields = map.apply(payload, deliveryId);
        if (!fields.readable()) {
            throw new UnreadablePayload(map.version(), fields.problems());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        fields.values().forEach((field, value) -> {
            if (!CORE.contains(field)) {
                attributes.put(field, value);
            }
        });
        return new LeadEvent(source, fields.get("id").orElse(deliveryId),
                fields.get("submittedAt").map(Instant::parse), fields.get("email"), fields.get("firstName"),
                fields.get("lastName"), fields.get("company"), fields.get("website"), fields.get("phone"),
                fields.get("country"), fields.get("consent").map(Boolean::parseBoolean), attributes);
    }

    /** Kept for callers that hold the map: which source and event type this normalizer reads. */
    public FieldMap map() {
        return map;
    }
}
