package dev.orchestrator.domain.classification;

import java.util.Locale;
import java.util.Optional;

/** Lookup of a taxonomy value by the key a classifier writes; unknown keys are absent, never guessed. */
final class Taxonomy {
    private Taxonomy() {
    }

    static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> fromKey(Class<E> type, String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (key(value).equals(key)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
