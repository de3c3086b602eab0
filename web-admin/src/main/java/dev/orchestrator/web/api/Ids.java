package dev.orchestrator.web.api;

import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import java.util.UUID;

/** Reading path and query parameters, with a 400 that names the parameter. */
final class Ids {
    private Ids() {
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid parameter", 400,
                    field + " must be a UUID", field, "must be a UUID"));
        }
    }

    static long positiveLong(String value, String field) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(Problem.ofField("bad-request", "Invalid parameter", 400,
                field + " must be a positive whole number", field, "must be a positive whole number"));
    }

    static int boundedInt(String value, String field, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(Problem.ofField("bad-request", "Invalid parameter", 400,
                field + " must be a whole number from " + min + " to " + max, field,
                "must be a whole number from " + min + " to " + max));
    }
}
