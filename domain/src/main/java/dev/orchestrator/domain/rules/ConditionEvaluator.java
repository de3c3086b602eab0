package dev.orchestrator.domain.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.StringJoiner;

/**
 * Evaluates one condition against a context and records what it read. A missing field makes every comparison
 * false (including {@code !=}), so a rule never fires on data nobody supplied; the explanation says "(missing)".
 * The decision is computed at once; the values shown beside it are rendered when first read.
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    public static ConditionResult evaluate(Condition condition, EvaluationContext context) {
        boolean result = test(condition, context);
        return new ConditionResult(condition.expr(), result, new LazyValues(() -> explain(condition, context)));
    }

    /** The decision alone. */
    public static boolean test(Condition condition, EvaluationContext context) {
        if (condition instanceof Condition.Comparison comparison) {
            return compare(read(comparison.field(), context), comparison.operator(), comparison.literal().value());
        }
        if (condition instanceof Condition.Membership membership) {
            Value actual = read(membership.field(), context);
            if (actual instanceof Value.Missing) {
                return false;
            }
            for (Literal option : membership.options()) {
                if (compare(actual, ComparisonOperator.EQ, option.value())) {
                    return !membership.negated();
                }
            }
            return membership.negated();
        }
        if (condition instanceof Condition.Contains contains) {
            return containsAny(read(contains.field(), context), contains.options());
        }
        if (condition instanceof Condition.Range range) {
            Value actual = read(range.field(), context);
            return compare(actual, ComparisonOperator.GE, range.low().value())
                    && compare(actual, ComparisonOperator.LE, range.high().value());
        }
        if (condition instanceof Condition.Presence presence) {
            Value actual = read(presence.field(), context);
            boolean present = !(actual instanceof Value.Missing)
                    && !(actual instanceof Value.Text text && text.value().isBlank());
            return present == presence.present();
        }
        if (condition instanceof Condition.SignalCount signalCount) {
            return signalCount.effectiveCount().test(countSignals(signalCount, context));
        }
        throw new IllegalStateException("unknown condition kind " + condition.getClass().getName());
    }

    /** The values the condition reads, as an explanation shows them. */
    static Map<String, String> explain(Condition condition, EvaluationContext context) {
        Map<String, String> shown = new LinkedHashMap<>(4);
        if (condition instanceof Condition.SignalCount signalCount) {
            Instant since = context.now().minus(signalCount.window());
            StringJoiner seen = new StringJoiner(", ");
            int count = 0;
            for (Signal signal : context.signals()) {
                if (counts(signal, signalCount.types(), since, context.now())) {
                    count++;
                    seen.add(signal.type() + "@" + signal.at());
                }
            }
            shown.put("count", Integer.toString(count));
            shown.put("window", since + " .. " + context.now());
            shown.put("signals", count == 0 ? "(none)" : seen.toString());
            return shown;
        }
        FieldPath field;
        if (condition instanceof Condition.Comparison comparison) {
            field = comparison.field();
        } else if (condition instanceof Condition.Membership membership) {
            field = membership.field();
        } else if (condition instanceof Condition.Contains contains) {
            field = contains.field();
        } else if (condition instanceof Condition.Range range) {
            field = range.field();
        } else if (condition instanceof Condition.Presence presence) {
            field = presence.field();
        } else {
            throw new IllegalStateException("unknown condition kind " + condition.getClass().getName());
        }
        if (field.namespace() == FieldPath.Namespace.DAYS_SINCE_LAST_ACTIVITY) {
            shown.put("last_activity", context.lastActivity().map(Instant::toString).orElse("(none)"));
            shown.put("now", context.now().toString());
        }
        shown.put(field.text(), read(field, context).display());
        return shown;
    }

    /** The value of a field in this context. */
    public static Value read(FieldPath field, EvaluationContext context) {
        return switch (field.namespace()) {
            case RECORD -> context.record().getOrDefault(field.name(), Value.MISSING);
            case COMPANY -> context.company().getOrDefault(field.name(), Value.MISSING);
            case DEAL -> context.deal().getOrDefault(field.name(), Value.MISSING);
            case AI -> context.ai().getOrDefault(field.name(), Value.MISSING);
            case SCORE -> switch (field.name()) {
                case "fit" -> Value.of(context.fitScore());
                case "behavior" -> Value.of(context.behaviorScore());
                default -> Value.of(context.fitScore() + context.behaviorScore());
            };
            case STAGE -> Value.of(context.stage().key());
            case OWNER -> owner(field.name(), context.owner());
            case DAYS_SINCE_LAST_ACTIVITY -> context.lastActivity()
                    .<Value>map(at -> Value.of(Duration.between(at, context.now()).toDays())).orElse(Value.MISSING);
        };
    }

    private static boolean containsAny(Value actual, List<Literal> options) {
        if (actual instanceof Value.Missing) {
            return false;
        }
        for (String item : actual.display().split(",")) {
            String trimmed = item.trim();
            for (Literal option : options) {
                if (!trimmed.isEmpty() && trimmed.equalsIgnoreCase(option.value().display().trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int countSignals(Condition.SignalCount condition, EvaluationContext context) {
        Instant now = context.now();
        Instant since = now.minus(condition.window());
        int count = 0;
        for (Signal signal : context.signals()) {
            if (counts(signal, condition.types(), since, now)) {
                count++;
            }
        }
        return count;
    }

    private static boolean counts(Signal signal, List<String> types, Instant since, Instant now) {
        return !signal.at().isAfter(now) && !signal.at().isBefore(since) && types.contains(signal.type());
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
        } else if (actual instanceof Value.Text text && expected instanceof Value.Text wanted) {
            equal = text.value().trim().equalsIgnoreCase(wanted.value().trim());
        } else {
            equal = actual.display().trim().equalsIgnoreCase(expected.display().trim());
        }
        return switch (operator) {
            case EQ -> equal;
            case NE -> !equal;
            default -> false;
        };
    }
}
