package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.List;

/**
 * The conditions of one rule: every {@code all} holds, at least one {@code any} holds (when there are any), and
 * no {@code not} holds. Every condition is evaluated even after the answer is known, so the explanation is whole.
 */
public record ConditionSet(List<Condition> all, List<Condition> any, List<Condition> not) {
    public ConditionSet {
        all = List.copyOf(Require.present("all", all));
        any = List.copyOf(Require.present("any", any));
        not = List.copyOf(Require.present("not", not));
    }

    public static ConditionSet always() {
        return new ConditionSet(List.of(), List.of(), List.of());
    }

    public static ConditionSet allOf(List<Condition> conditions) {
        return new ConditionSet(conditions, List.of(), List.of());
    }

    public boolean isEmpty() {
        return all.isEmpty() && any.isEmpty() && not.isEmpty();
    }

    /** Whether the set holds, with one result per condition; a {@code not} condition is shown as {@code not (...)}. */
    public Outcome evaluate(EvaluationContext context) {
        ConditionResult[] results = new ConditionResult[all.size() + any.size() + not.size()];
        int next = 0;
        boolean matched = true;
        for (Condition condition : all) {
            ConditionResult result = ConditionEvaluator.evaluate(condition, context);
            matched &= result.result();
            results[next++] = result;
        }
        boolean anyHeld = any.isEmpty();
        for (Condition condition : any) {
            ConditionResult result = ConditionEvaluator.evaluate(condition, context);
            anyHeld |= result.result();
            results[next++] = result;
        }
        matched &= anyHeld;
        for (Condition condition : not) {
            ConditionResult raw = ConditionEvaluator.evaluate(condition, context);
            ConditionResult negated = new ConditionResult("not (" + raw.expr() + ")", !raw.result(), raw.values());
            matched &= negated.result();
            results[next++] = negated;
        }
        return new Outcome(matched, List.of(results));
    }

    public record Outcome(boolean matched, List<ConditionResult> conditions) {
        public Outcome {
            conditions = List.copyOf(conditions);
        }
    }
}
