package dev.orchestrator.application.normalize;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.intake.ActivityEvent;
import dev.orchestrator.domain.shared.DomainViolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The field map of the default {@code activity} payload: {@code {"id", "type", "email", "occurredAt", "url"}}.
 * A payload it cannot read names the field, so the review queue can say what to fix.
 */
public final class ActivityNormalizer {

    public String version() {
        return "activity-v1";
    }

    public ActivityEvent normalize(String deliveryId, PayloadTree payload) {
        if (!payload.isObject()) {
            throw new UnprocessablePayload("an activity payload must be a JSON object");
        }
        String occurredAt = payload.text("occurredAt").orElseThrow(() -> new DomainViolation("occurredAt", "is required"));
        Instant at;
        try {
            at = Instant.parse(occurredAt);
        } catch (DateTimeParseException e) {
            throw new DomainViolation("occurredAt", "must be an ISO-8601 instant such as 2026-11-26T10:15:30Z");
        }
        return new ActivityEvent(payload.text("id").orElse(deliveryId),
                payload.text("type").orElseThrow(() -> new DomainViolation("type", "is required")),
                EmailAddress.parse(payload.text("email").orElseThrow(() -> new DomainViolation("email", "is required"))),
                at, payload.text("url"));
    }
}
