package dev.orchestrator.application.normalize;

import dev.orchestrator.domain.shared.DomainViolation;
import dev.orchestrator.domain.shared.Require;
import java.util.List;
import java.util.Optional;

/**
 * How one canonical field is read: the first of {@code paths} that holds a value, then {@code transforms} in
 * order; when no path holds one, {@code defaultValue}, else the delivery id when {@code fallbackToDeliveryId}.
 * A field with no paths and a default is a constant ({@code type: meeting_booked}). When a value cannot be
 * transformed the field is unreadable (review), unless {@code dropInvalid} says the source sends junk there that
 * is safe to ignore.
 */
public record FieldSpec(String target, List<PayloadPath> paths, List<Transform> transforms,
        Optional<String> defaultValue, boolean fallbackToDeliveryId, boolean dropInvalid) {

    public FieldSpec {
        Require.notBlank("field", target);
        paths = List.copyOf(Require.present("paths", paths));
        transforms = List.copyOf(Require.present("transforms", transforms));
        Require.present("default", defaultValue);
        if (paths.isEmpty() && defaultValue.isEmpty() && !fallbackToDeliveryId) {
            throw new DomainViolation(target, "needs a path, a value or a fallback");
        }
    }

    public static FieldSpec path(String target, String path, Transform... transforms) {
        return new FieldSpec(target, List.of(PayloadPath.parse(path)), List.of(transforms), Optional.empty(), false,
                false);
    }
}
