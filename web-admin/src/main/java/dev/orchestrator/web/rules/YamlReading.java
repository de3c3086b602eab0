package dev.orchestrator.web.rules;

import dev.orchestrator.domain.rules.Condition;
import dev.orchestrator.domain.rules.ConditionParser;
import dev.orchestrator.domain.rules.ConditionSet;
import dev.orchestrator.domain.rules.ConditionSyntaxException;
import dev.orchestrator.domain.rules.Value;
import dev.orchestrator.domain.shared.DomainViolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Typed reads from a {@link YamlTree}, each refusing with the node's position and what it expected. */
final class YamlReading {
    private YamlReading() {
    }

    static RulesetSyntaxError error(YamlTree.Node node, String expected) {
        return new RulesetSyntaxError(node.mark().line(), node.mark().column(),
                "expected " + expected + " but found " + node.describe());
    }

    static YamlTree.MapNode map(YamlTree.Node node, String what) {
        if (node instanceof YamlTree.MapNode map) {
            return map;
        }
        throw error(node, what + " (a mapping)");
    }

    static YamlTree.ListNode list(YamlTree.Node node, String what) {
        if (node instanceof YamlTree.ListNode list) {
            return list;
        }
        throw error(node, what + " (a list)");
    }

    static YamlTree.Scalar scalar(YamlTree.Node node, String what) {
        if (node instanceof YamlTree.Scalar scalar && scalar.kind() != YamlTree.ScalarKind.NULL) {
            return scalar;
        }
        throw error(node, what);
    }

    static String text(YamlTree.Node node, String what) {
        YamlTree.Scalar scalar = scalar(node, what);
        if (scalar.text().isBlank()) {
            throw error(node, what);
        }
        return scalar.text().trim();
    }

    static int integer(YamlTree.Node node, String what) {
        YamlTree.Scalar scalar = scalar(node, what);
        if (scalar.kind() != YamlTree.ScalarKind.NUMBER || !scalar.text().matches("-?\\d{1,9}")) {
            throw error(node, what + " (a whole number)");
        }
        return Integer.parseInt(scalar.text());
    }

    static boolean flag(YamlTree.Node node, String what) {
        YamlTree.Scalar scalar = scalar(node, what);
        if (scalar.kind() != YamlTree.ScalarKind.BOOLEAN) {
            throw error(node, what + " (true or false)");
        }
        return Boolean.parseBoolean(scalar.text());
    }

    static Instant instant(YamlTree.Node node, String what) {
        String text = text(node, what + " (an ISO-8601 instant such as 2026-11-20T10:00:00Z)");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw error(node, what + " (an ISO-8601 instant such as 2026-11-20T10:00:00Z)");
        }
    }

    /** A scalar or a list of scalars, as texts with their nodes. */
    static List<YamlTree.Scalar> scalars(YamlTree.Node node, String what) {
        if (node instanceof YamlTree.ListNode list) {
            List<YamlTree.Scalar> items = new ArrayList<>();
            for (YamlTree.Node item : list.items()) {
                YamlTree.Scalar scalar = scalar(item, what);
                text(scalar, what);
                items.add(scalar);
            }
            if (items.isEmpty()) {
                throw error(node, "at least one " + what);
            }
            return items;
        }
        YamlTree.Scalar scalar = scalar(node, what + " or a list of them");
        text(scalar, what);
        return List.of(scalar);
    }

    /**
     * A field value as rules read it: numbers stay numbers, flags stay flags, the rest is text; a list of
     * scalars becomes comma-separated text, which {@code contains} reads item by item.
     */
    static Value value(YamlTree.Node node, String what) {
        if (node instanceof YamlTree.ListNode list) {
            List<String> items = new ArrayList<>();
            for (YamlTree.Node item : list.items()) {
                items.add(text(item, what + " items (single values)"));
            }
            return Value.of(String.join(", ", items));
        }
        YamlTree.Scalar scalar = scalar(node, what + " (a single value)");
        return switch (scalar.kind()) {
            case NUMBER -> build(node, () -> Value.of(Double.parseDouble(scalar.text())));
            case BOOLEAN -> Value.of(Boolean.parseBoolean(scalar.text()));
            default -> Value.of(scalar.text());
        };
    }

    /** A condition written in a scalar; a syntax error points at the column inside the scalar. */
    static Condition condition(YamlTree.Node node) {
        YamlTree.Scalar scalar = scalar(node, "a condition such as \"company.employees >= 200\"");
        if (scalar.kind() != YamlTree.ScalarKind.STRING) {
            throw error(node, "a condition such as \"company.employees >= 200\"");
        }
        try {
            return ConditionParser.parse(scalar.text());
        } catch (ConditionSyntaxException e) {
            throw new RulesetSyntaxError(scalar.mark().line(), scalar.contentColumn() + e.column() - 1,
                    e.problem() + " in condition \"" + scalar.text() + "\"");
        }
    }

    static List<Condition> conditions(YamlTree.Node node) {
        List<Condition> conditions = new ArrayList<>();
        if (node instanceof YamlTree.ListNode list) {
            for (YamlTree.Node item : list.items()) {
                conditions.add(condition(item));
            }
            return conditions;
        }
        conditions.add(condition(node));
        return conditions;
    }

    /**
     * The conditions of a rule: {@code all}, {@code any}, {@code not}, and {@code when} (a condition or a list,
     * all of which must hold, added to {@code all}).
     */
    static ConditionSet conditionSet(YamlTree.MapNode map) {
        List<Condition> all = new ArrayList<>();
        map.get("when").ifPresent(node -> all.addAll(conditions(node)));
        map.get("all").ifPresent(node -> all.addAll(conditions(node)));
        List<Condition> any = map.get("any").map(YamlReading::conditions).orElse(List.of());
        List<Condition> not = map.get("not").map(YamlReading::conditions).orElse(List.of());
        return new ConditionSet(all, any, not);
    }

    /** Builds a domain object, turning a broken invariant into a refusal at the node that caused it. */
    static <T> T build(YamlTree.Node node, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (DomainViolation e) {
            throw new RulesetSyntaxError(node.mark().line(), node.mark().column(), "expected a valid "
                    + e.field() + ": " + e.reason());
        }
    }
}
