package dev.orchestrator.domain.shared;

import java.util.Objects;

/** The one place value objects check their invariants, so every violation names its field. */
public final class Require {
    private Require() {
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new DomainViolation(field, "is required");
        }
        return value;
    }

    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new DomainViolation(field, "must not be blank");
        }
        return value;
    }

    public static String maxLength(String field, String value, int max) {
        Objects.requireNonNull(value, field);
        if (value.length() > max) {
            throw new DomainViolation(field, "must be at most " + max + " characters");
        }
        return value;
    }

    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new DomainViolation(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    public static double between(String field, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new DomainViolation(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    public static void that(boolean condition, String field, String message) {
        if (!condition) {
            throw new DomainViolation(field, message);
        }
    }
}
