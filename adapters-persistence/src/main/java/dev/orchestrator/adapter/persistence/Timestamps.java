package dev.orchestrator.adapter.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants bound in arrays, which travel as text. */
final class Timestamps {
    private Timestamps() {
    }

    /**
     * The instant to the microsecond, rounded half up as the driver rounds a bound {@link java.sql.Timestamp}:
     * PostgreSQL would round more digits half to even, so a multi-row write could store a time one microsecond
     * off the one its single-row form stores.
     */
    static String text(Instant instant) {
        long micros = (instant.getNano() + 500) / 1000;
        return instant.truncatedTo(ChronoUnit.SECONDS).plusNanos(micros * 1000).toString();
    }
}
