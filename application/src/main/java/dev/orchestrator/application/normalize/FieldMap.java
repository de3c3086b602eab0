package dev.orchestrator.application.normalize;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.domain.shared.DomainViolation;
import dev.orchestrator.domain.shared.Require;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One source's field map (a file under {@code fieldmaps/}, parsed at the edge): which event type its payloads
 * are, which of them it takes ({@code accept}: Stripe sends every event type to one endpoint), and how each
 * canonical field is read. {@code version} is the file's content hash, recorded on every event it maps, so a
 * trace says exactly which mapping read the payload.
 */
public record FieldMap(String source, String eventType, String version, Optional<Acceptance> accept,
        List<FieldSpec> fields) {

    /** Payloads whose value at {@code path} is one of {@code values} are this map's; others are acknowledged and skipped. */
    public record Acceptance(PayloadPath path, Set<String> values) {
        public Acceptance {
            Require.present("accept.path", path);
            values = Set.copyOf(values);
            if (values.isEmpty()) {
                throw new DomainViolation("accept.values", "must name at least one value");
            }
        }
    }

    public FieldMap {
        Require.notBlank("source", source);
        Require.notBlank("event", eventType);
        Require.notBlank("version", version);
        if (!EventTypes.known(eventType)) {
            throw new DomainViolation("event", "unknown event type '" + eventType + "'");
        }
        Require.present("accept", accept);
        fields = List.copyOf(fields);
        Set<String> targets = new java.util.HashSet<>();
        for (FieldSpec field : fields) {
            if (!targets.add(field.target())) {
                throw new DomainViolation(field.target(), "is mapped twice");
            }
        }
    }

    /** Why this payload is not one of the map's events (another event type of the same source); empty when it is. */
    public Optional<String> skipReason(PayloadTree payload) {
        if (accept.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> value = accept.get().path().read(payload.root()).flatMap(FieldMap::scalar);
        if (value.isPresent() && accept.get().values().contains(value.get())) {
            return Optional.empty();
        }
        return Optional.of(accept.get().path() + " is " + value.map(v -> "'" + v + "'").orElse("absent")
                + ", not one of " + new java.util.TreeSet<>(accept.get().values()));
    }

    /**
     * Reads every field; the fields it cannot read are collected, never thrown one by one, so a review lists them
     * all. The required fields of a signal type are checked here; a lead's by the validator.
     *
     * @throws UnprocessablePayload when the payload is not a JSON object (a poison event: no map can read it)
     */
    public MappedFields apply(PayloadTree payload, String deliveryId) {
        if (!payload.isObject()) {
            throw new UnprocessablePayload("a " + source + " payload must be a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldSpec field : fields) {
            read(field, payload, deliveryId, values, problems);
        }
        if (!eventType.equals(EventTypes.LEAD_SUBMITTED)) {
            for (String required : EventTypes.required(eventType)) {
                boolean alreadyReported = problems.stream().anyMatch(p -> p.field().equals(required));
                if (!values.containsKey(required) && !alreadyReported) {
                    problems.add(new FieldProblem(required, "is required" + triedPaths(required)));
                }
            }
        }
        return new MappedFields(version, values, problems);
    }

    private void read(FieldSpec field, PayloadTree payload, String deliveryId, Map<String, String> values,
            List<FieldProblem> problems) {
        for (PayloadPath path : field.paths()) {
            Optional<Object> node = path.read(payload.root());
            if (node.isEmpty()) {
                continue;
            }
            Optional<String> text = scalar(node.get());
            if (node.get() instanceof Map || node.get() instanceof List) {
                problems.add(new FieldProblem(field.target(), "cannot be read at " + path + ": found "
                        + (node.get() instanceof Map ? "an object" : "a list") + " where a value belongs"));
                return;
            }
            if (text.isEmpty()) {
                continue;
            }
            try {
                String value = text.get();
                for (Transform transform : field.transforms()) {
                    value = transform.apply(value);
                }
                if (!value.isEmpty()) {
                    values.put(field.target(), value);
                }
            } catch (Transform.Refused refused) {
                if (!field.dropInvalid()) {
                    problems.add(new FieldProblem(field.target(), "cannot be read at " + path + ": "
                            + refused.getMessage()));
                }
            }
            return;
        }
        if (field.defaultValue().isPresent()) {
            values.put(field.target(), field.defaultValue().get());
        } else if (field.fallbackToDeliveryId()) {
            values.put(field.target(), deliveryId);
        }
    }

    private String triedPaths(String target) {
        return fields.stream().filter(f -> f.target().equals(target)).findFirst()
                .filter(f -> !f.paths().isEmpty())
                .map(f -> " (read from " + f.paths().stream().map(PayloadPath::toString)
                        .collect(Collectors.joining(" or ")) + ")")
                .orElse(" (the field map does not read it)");
    }

    /** A value's text as the contract reads it: blank text is absent, numbers keep their plain digits. */
    private static Optional<String> scalar(Object node) {
        if (node instanceof String s) {
            return s.isBlank() ? Optional.empty() : Optional.of(s);
        }
        if (node instanceof BigDecimal number) {
            return Optional.of(number.toPlainString());
        }
        if (node instanceof Boolean b) {
            return Optional.of(b.toString());
        }
        return Optional.empty();
    }
}
