package dev.orchestrator.application.normalize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The simple transforms a field map may apply to a value, in order. Each either answers the new text or refuses
 * with a reason; a refusal is a field the map cannot read (review), unless the field says to drop it.
 */
public enum Transform {
    /** Leading and trailing white space removed. */
    TRIM {
        @Override
        String apply(String value) {
            return value.strip();
        }
    },
    LOWERCASE {
        @Override
        String apply(String value) {
            return value.toLowerCase(Locale.ROOT);
        }
    },
    UPPERCASE {
        @Override
        String apply(String value) {
            return value.toUpperCase(Locale.ROOT);
        }
    },
    /** An ISO-8601 instant ({@code 2026-11-26T10:15:30Z}, an offset is converted to UTC). */
    INSTANT {
        @Override
        String apply(String value) {
            try {
                return Instant.parse(value.strip()).toString();
            } catch (DateTimeParseException e) {
                throw new Refused("must be an ISO-8601 instant such as 2026-11-26T10:15:30Z");
            }
        }
    },
    /** Seconds since the epoch, as Stripe's {@code created}, to an ISO-8601 instant. */
    EPOCH_SECONDS {
        @Override
        String apply(String value) {
            try {
                return Instant.ofEpochSecond(new BigDecimal(value.strip()).longValueExact()).toString();
            } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
                throw new Refused("must be whole seconds since 1970-01-01T00:00:00Z");
            }
        }
    },
    /** {@code true} or {@code false} (a JSON boolean or that text, any case); anything else is not consent. */
    BOOLEAN {
        @Override
        String apply(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text;
            }
            throw new Refused("must be true or false");
        }
    },
    /** An amount in the currency's minor unit (Stripe's cents) to major units: {@code 4200} → {@code 42.00}. */
    MINOR_UNITS {
        @Override
        String apply(String value) {
            try {
                BigDecimal minor = new BigDecimal(value.strip());
                if (minor.signum() < 0 || minor.stripTrailingZeros().scale() > 0) {
                    throw new Refused("must be a whole, non-negative amount in minor units");
                }
                return minor.movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new Refused("must be a whole, non-negative amount in minor units");
            }
        }
    };

    abstract String apply(String value);

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The transform a field-map file names ({@code trim}, {@code epoch_seconds}, …). */
    public static Transform fromKey(String key) {
        for (Transform transform : values()) {
            if (transform.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return transform;
            }
        }
        throw new dev.orchestrator.domain.shared.DomainViolation("transforms", "unknown transform '" + key
                + "'; use one of trim, lowercase, uppercase, instant, epoch_seconds, boolean, minor_units");
    }

    /** A value a transform cannot accept. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
