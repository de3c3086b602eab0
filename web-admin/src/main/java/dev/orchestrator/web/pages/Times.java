package dev.orchestrator.web.pages;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times on the pages are UTC: shown to the second, typed in as {@code datetime-local} values. */
final class Times {
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String shown(Instant at) {
        return SHOWN.format(at);
    }

    /** A {@code datetime-local} value ({@code 2026-01-05T10:15}, seconds optional) read as UTC. */
    static Optional<Instant> input(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new BadInput(field + " must be a date and time like 2026-01-05T10:15");
        }
    }

    /** A value a person typed that cannot be read; the page shows the message. */
    static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }
}
