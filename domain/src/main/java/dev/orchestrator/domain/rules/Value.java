package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A field value as a rule reads it. Fields arrive from forms, the CRM and enrichment as text, numbers or flags;
 * conditions coerce at comparison time so a zip code stays "02134" when shown but still compares as a number.
 */
public sealed interface Value permits Value.Num, Value.Text, Value.Bool, Value.Missing {

    /** The value as an explanation shows it. */
    String display();

    record Num(double value) implements Value {
        public Num {
            Require.that(!Double.isNaN(value) && !Double.isInfinite(value), "value", "must be a finite number");
        }

        @Override
        public String display() {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    record Text(String value) implements Value {
        public Text {
            Require.present("value", value);
        }

        @Override
        public String display() {
            return value;
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String display() {
            return Boolean.toString(value);
        }
    }

    /** The field is absent; every comparison on it is false, so a rule never fires on data it did not see. */
    record Missing() implements Value {
        @Override
        public String display() {
            return "(missing)";
        }
    }

    Missing MISSING = new Missing();

    static Value of(double number) {
        return new Num(number);
    }

    static Value of(boolean flag) {
        return new Bool(flag);
    }

    static Value of(String text) {
        return new Text(text);
    }

    /** Reads the value as a number when it is one or is text that spells one. */
    default java.util.OptionalDouble asNumber() {
        if (this instanceof Num num) {
            return java.util.OptionalDouble.of(num.value());
        }
        if (this instanceof Text text) {
            return parseNumber(text.value().trim());
        }
        return java.util.OptionalDouble.empty();
    }

    /** Reads the value as a flag when it is one or is the text true/false. */
    default java.util.Optional<Boolean> asBoolean() {
        if (this instanceof Bool bool) {
            return java.util.Optional.of(bool.value());
        }
        if (this instanceof Text text) {
            String lower = text.value().trim().toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return java.util.Optional.of(Boolean.parseBoolean(lower));
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.OptionalDouble parseNumber(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return java.util.OptionalDouble.empty();
        }
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return java.util.OptionalDouble.empty();
            }
        }
        return digits ? java.util.OptionalDouble.of(Double.parseDouble(text)) : java.util.OptionalDouble.empty();
    }
}
