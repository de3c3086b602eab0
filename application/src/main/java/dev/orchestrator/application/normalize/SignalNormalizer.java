package dev.orchestrator.application.normalize;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.intake.ActivityEvent;
import dev.orchestrator.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sources whose events are signals about a person ({@code activity.recorded}, {@code meeting.booked},
 * {@code payment.succeeded}), each read through its field map into an {@link ActivityEvent}. Fields beyond the
 * signal's own (amount, currency, startsAt, …) travel as {@code details} into the trace.
 */
public final class SignalNormalizer {
    private static final Set<String> OWN = Set.of("id", "type", "email", "occurredAt", "url");
    private final Map<String, FieldMap> bySource = new LinkedHashMap<>();

    public SignalNormalizer(List<FieldMap> maps) {
        for (FieldMap map : maps) {
            if (!EventTypes.SIGNALS.contains(map.eventType())) {
                throw new DomainViolation("event", "the field map of '" + map.source() + "' maps " + map.eventType()
                        + ", which is not a signal");
            }
            bySource.put(map.source(), map);
        }
    }

    public boolean handles(String source) {
        return bySource.containsKey(source);
    }

    public String version(String source) {
        return map(source).version();
    }

    /** What one payload of a signal source is. */
    public sealed interface Normalized {
        String fieldMapVersion();
    }

    /** A signal to record, with the event type it came as and the extra fields the map read. */
    public record Read(String eventType, ActivityEvent signal, Map<String, String> details, String fieldMapVersion)
            implements Normalized {
        public Read {
            details = Map.copyOf(details);
        }
    }

    /** Another event type of the same source (a Stripe {@code customer.created}): acknowledged, nothing to do. */
    public record Skipped(String reason, String fieldMapVersion) implements Normalized {
    }

    /**
     * @throws UnreadablePayload with every field the map could not read, each naming its path
     * @throws UnprocessablePayload when the payload is not an object
     * @throws DomainViolation when a read value is not a valid email or signal type
     */
    public Normalized normalize(String source, String deliveryId, PayloadTree payload) {
        FieldMap map = map(source);
        if (!payload.isObject()) {
            throw new UnprocessablePayload("a " + source + " payload must be a JSON object");
        }
        Optional<String> skip = map.skipReason(payload);
        if (skip.isPresent()) {
            return new Skipped(skip.get(), map.version());
        }
        MappedFields fields = map.apply(payload, deliveryId);
        if (!fields.readable()) {
            throw new UnreadablePayload(map.version(), fields.problems());
        }
        Map<String, String> details = new LinkedHashMap<>();
        fields.values().forEach((field, value) -> {
            if (!OWN.contains(field)) {
                details.put(field, value);
            }
        });
        ActivityEvent signal = new ActivityEvent(fields.get("id").orElse(deliveryId), fields.get("type").orElseThrow(),
                EmailAddress.parse(fields.get("email").orElseThrow()), Instant.parse(fields.get("occurredAt").orElseThrow()),
                fields.get("url"));
        return new Read(map.eventType(), signal, details, map.version());
    }

    private FieldMap map(String source) {
        FieldMap map = bySource.get(source);
        if (map == null) {
            throw new IllegalArgumentException("no signal field map for source '" + source + "'");
        }
        return map;
    }
}
