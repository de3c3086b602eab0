package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One parsed condition of the rule language. Each kind carries its canonical text ({@code expr}), rendered once
 * when it is built, which is what an explanation shows next to the values the evaluation read.
 */
public sealed interface Condition
        permits Condition.Comparison, Condition.Membership, Condition.Contains, Condition.Range,
        Condition.Presence, Condition.SignalCount {

    String expr();

    /** {@code company.employees >= 200}, {@code stage == mql}, {@code owner.active == false}. */
    record Comparison(FieldPath field, ComparisonOperator operator, Literal literal, String expr)
            implements Condition {
        public Comparison {
            Require.present("field", field);
            Require.present("operator", operator);
            Require.present("literal", literal);
            Require.that(!operator.isOrdering() || literal.value() instanceof Value.Num, "literal",
                    "an ordering comparison needs a number");
            Require.that(render(field, operator, literal).equals(expr), "expr", "must be the canonical text");
        }

        public Comparison(FieldPath field, ComparisonOperator operator, Literal literal) {
            this(field, operator, literal, render(field, operator, literal));
        }

        private static String render(FieldPath field, ComparisonOperator operator, Literal literal) {
            return field.text() + " " + operator.symbol() + " " + literal.source();
        }
    }

    /** {@code company.industry in [manufacturing, software]} and its negation {@code not in}. */
    record Membership(FieldPath field, List<Literal> options, boolean negated, String expr) implements Condition {
        public Membership {
            Require.present("field", field);
            options = List.copyOf(Require.present("options", options));
            Require.that(!options.isEmpty(), "options", "must not be empty");
            Require.that(render(field, options, negated).equals(expr), "expr", "must be the canonical text");
        }

        public Membership(FieldPath field, List<Literal> options, boolean negated) {
            this(field, options, negated, render(field, options, negated));
        }

        private static String render(FieldPath field, List<Literal> options, boolean negated) {
            return field.text() + (negated ? " not in [" : " in [")
                    + options.stream().map(Literal::source).collect(Collectors.joining(", ")) + "]";
        }
    }

    /**
     * {@code company.technologies contains salesforce} or {@code ... contains any [salesforce, hubspot]}: the field
     * holds a comma-separated list (as enrichment delivers technologies) and one of its items is one of these.
     */
    record Contains(FieldPath field, List<Literal> options, String expr) implements Condition {
        public Contains {
            Require.present("field", field);
            options = List.copyOf(Require.present("options", options));
            Require.that(!options.isEmpty(), "options", "must not be empty");
            Require.that(render(field, options).equals(expr), "expr", "must be the canonical text");
        }

        public Contains(FieldPath field, List<Literal> options) {
            this(field, options, render(field, options));
        }

        private static String render(FieldPath field, List<Literal> options) {
            return field.text() + " contains " + (options.size() == 1 ? options.get(0).source()
                    : "any [" + options.stream().map(Literal::source).collect(Collectors.joining(", ")) + "]");
        }
    }

    /** {@code record.zip between 94000 and 94999}, both ends included. */
    record Range(FieldPath field, Literal low, Literal high, String expr) implements Condition {
        public Range {
            Require.present("field", field);
            Require.present("low", low);
            Require.present("high", high);
            Require.that(low.value() instanceof Value.Num && high.value() instanceof Value.Num, "range",
                    "both ends must be numbers");
            Require.that(render(field, low, high).equals(expr), "expr", "must be the canonical text");
        }

        public Range(FieldPath field, Literal low, Literal high) {
            this(field, low, high, render(field, low, high));
        }

        private static String render(FieldPath field, Literal low, Literal high) {
            return field.text() + " between " + low.source() + " and " + high.source();
        }
    }

    /** {@code company.owner_id exists} or {@code record.phone missing}. */
    record Presence(FieldPath field, boolean present, String expr) implements Condition {
        public Presence {
            Require.present("field", field);
            Require.that(render(field, present).equals(expr), "expr", "must be the canonical text");
        }

        public Presence(FieldPath field, boolean present) {
            this(field, present, render(field, present));
        }

        private static String render(FieldPath field, boolean present) {
            return field.text() + (present ? " exists" : " missing");
        }
    }

    /**
     * {@code signal pricing_page_view within 30d}, {@code signal any [a, b] within 30d},
     * {@code signal pricing_page_view count >= 2 within 30d}. Without a count it means "at least one".
     */
    record SignalCount(List<String> types, boolean anyOf, Optional<CountCheck> count, Duration window,
            String windowSource, String expr) implements Condition {
        public SignalCount {
            types = List.copyOf(Require.present("types", types));
            Require.that(!types.isEmpty(), "types", "must name at least one signal");
            Require.that(anyOf || types.size() == 1, "types", "several types need 'any'");
            Require.present("count", count);
            Require.present("window", window);
            Require.that(!window.isNegative() && !window.isZero(), "window", "must be positive");
            Require.notBlank("windowSource", windowSource);
            Require.that(render(types, anyOf, count, windowSource).equals(expr), "expr", "must be the canonical text");
        }

        public SignalCount(List<String> types, boolean anyOf, Optional<CountCheck> count, Duration window,
                String windowSource) {
            this(types, anyOf, count, window, windowSource, render(types, anyOf, count, windowSource));
        }

        public CountCheck effectiveCount() {
            return count.orElse(CountCheck.AT_LEAST_ONE);
        }

        private static String render(List<String> types, boolean anyOf, Optional<CountCheck> count,
                String windowSource) {
            String what = anyOf ? "any [" + String.join(", ", types) + "]" : types.get(0);
            String counted = count.map(c -> " count " + c.operator().symbol() + " " + c.threshold()).orElse("");
            return "signal " + what + counted + " within " + windowSource;
        }
    }

    record CountCheck(ComparisonOperator operator, int threshold) {
        public static final CountCheck AT_LEAST_ONE = new CountCheck(ComparisonOperator.GE, 1);

        public CountCheck {
            Require.present("operator", operator);
            Require.that(threshold >= 0, "threshold", "must not be negative");
        }

        public boolean test(int count) {
            return operator.test(count, threshold);
        }
    }
}
