package dev.orchestrator.domain.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.StringJoiner;

/**
 * Evaluates one condition against a context and records what it read. A missing field makes every comparison
 * false (including {@code !=}), so a rule never fires on data nobody supplied; the explanation says "(missing)".
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    public static ConditionResult evaluate(Condition condition, EvaluationContext context) {
        if (condition instanceof Condition.Comparison comparison) {
            return comparison(comparison, context);
        }
        if (condition instanceof Condition.Membership membership) {
            return membership(membership, context);
        }
        if (condition instanceof Condition.Range range) {
            return range(range, context);
        }
        if (condition instanceof Condition.Presence presence) {
            return presence(presence, context);
        }
        if (condition instanceof Condition.SignalCount signalCount) {
            return signals(signalCount, context);
        }
        throw new IllegalStateException("unknown condition kind " + condition.getClass().getName());
    }

    /** The value of a field in this context, and extra values worth showing beside it. */
    public static Value read(FieldPath field, EvaluationContext context, Map<String, String> shown) {
        Value value = switch (field.namespace()) {
            case RECORD -> context.record().getOrDefault(field.name(), Value.MISSING);
            case COMPANY -> context.company().getOrDefault(field.name(), Value.MISSING);
            case DEAL -> context.deal().getOrDefault(field.name(), Value.MISSING);
            case SCORE -> switch (field.name()) {
                case "fit" -> Value.of(context.fitScore());
                case "behavior" -> Value.of(context.behaviorScore());
                default -> Value.of(context.fitScore() + context.behaviorScore());
            };
            case STAGE -> Value.of(context.stage().key());
            case OWNER -> owner(field.name(), context.owner());
            case DAYS_SINCE_LAST_ACTIVITY -> {
                Optional<Instant> last = context.lastActivity();
                shown.put("last_activity", last.map(Instant::toString).orElse("(none)"));
                shown.put("now", context.now().toString());
                yield last.<Value>map(at -> Value.of(Duration.between(at, context.now()).toDays()))
                        .orElse(Value.MISSING);
            }
        };
        shown.put(field.text(), value.display());
        return value;
    }

    private static Value owner(String name, Optional<OwnerState> owner) {
        if (name.equals("assigned")) {
            return Value.of(owner.isPresent());
        }
        if (owner.isEmpty()) {
            return Value.MISSING;
        }
        OwnerState state = owner.get();
        return switch (name) {
            case "id" -> Value.of(state.id());
            case "active" -> Value.of(state.active());
            case "out_of_office" -> Value.of(state.outOfOffice());
            default -> Value.of(state.openLeads());
        };
    }

    private static ConditionResult comparison(Condition.Comparison comparison, EvaluationContext context) {
        Map<String, String> shown = new LinkedHashMap<>(2);
        Value actual = read(comparison.field(), context, shown);
        boolean result = compare(actual, comparison.operator(), comparison.literal().value());
        return new ConditionResult(comparison.expr(), result, shown);
    }

    private static ConditionResult membership(Condition.Membership membership, EvaluationContext context) {
        Map<String, String> shown = new LinkedHashMap<>(2);
        Value actual = read(membership.field(), context, shown);
        if (actual instanceof Value.Missing) {
            return new ConditionResult(membership.expr(), false, shown);
        }
        boolean found = false;
        for (Literal option : membership.options()) {
            if (compare(actual, ComparisonOperator.EQ, option.value())) {
                found = true;
                break;
            }
        }
        return new ConditionResult(membership.expr(), found != membership.negated(), shown);
    }

    private static ConditionResult range(Condition.Range range, EvaluationContext context) {
        Map<String, String> shown = new LinkedHashMap<>(2);
        OptionalDouble actual = read(range.field(), context, shown).asNumber();
        boolean result = actual.isPresent()
                && compare(Value.of(actual.getAsDouble()), ComparisonOperator.GE, range.low().value())
                && compare(Value.of(actual.getAsDouble()), ComparisonOperator.LE, range.high().value());
        return new ConditionResult(range.expr(), result, shown);
    }

    private static ConditionResult presence(Condition.Presence presence, EvaluationContext context) {
        Map<String, String> shown = new LinkedHashMap<>(2);
        Value actual = read(presence.field(), context, shown);
        boolean present = !(actual instanceof Value.Missing)
                && !(actual instanceof Value.Text text && text.value().isBlank());
        return new ConditionResult(presence.expr(), present == presence.present(), shown);
    }

    private static ConditionResult signals(Condition.SignalCount condition, EvaluationContext context) {
        Instant now = context.now();
        Instant since = now.minus(condition.window());
        int count = 0;
        StringJoiner seen = new StringJoiner(", ");
        for (Signal signal : context.signals()) {
            if (signal.at().isAfter(now) || signal.at().isBefore(since) || !condition.types().contains(signal.type())) {
                continue;
            }
            count++;
            seen.add(signal.type() + "@" + signal.at());
        }
        Map<String, String> shown = new LinkedHashMap<>(4);
        shown.put("count", Integer.toString(count));
        shown.put("window", since + " .. " + now);
        shown.put("signals", count == 0 ? "(none)" : seen.toString());
        return new ConditionResult(condition.expr(), condition.effectiveCount().test(count), shown);
    }

    /** The comparison semantics of the language: numbers numerically, flags as flags, text ignoring case. */
    static boolean compare(Value actual, ComparisonOperator operator, Value expected) {
        if (actual instanceof Value.Missing) {
            return false;
        }
        if (expected instanceof Value.Num number) {
            OptionalDouble left = actual.asNumber();
            return left.isPresent() && operator.test(left.getAsDouble(), number.value());
        }
        boolean equal;
        if (expected instanceof Value.Bool flag) {
            Optional<Boolean> left = actual.asBoolean();
            if (left.isEmpty()) {
                return false;
            }
            equal = left.get() == flag.value();
        } else {
            equal = actual.display().trim().toLowerCase(Locale.ROOT)
                    .equals(expected.display().trim().toLowerCase(Locale.ROOT));
        }
        return switch (operator) {
            case EQ -> equal;
            case NE -> !equal;
            default -> false;
        };
    }
}
