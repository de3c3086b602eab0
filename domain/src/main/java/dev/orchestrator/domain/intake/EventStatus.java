package dev.orchestrator.domain.intake;

import java.util.Locale;

/** Where a received event stands; the names are part of the external contract. */
public enum EventStatus {
    RECEIVED, PROCESSING, DONE, REVIEW, DEAD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventStatus fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
