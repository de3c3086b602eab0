package dev.orchestrator.application.rules;

import dev.orchestrator.domain.rules.CandidateOutcome;
import dev.orchestrator.domain.rules.ConditionResult;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.SkippedRule;
import dev.orchestrator.domain.rules.LifecycleTransition;
import dev.orchestrator.domain.rules.RoutingDecision;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.shared.Require;
import java.util.List;
import java.util.stream.Collectors;

/** All fixture verdicts of one run, and the readable text `rules test` prints. */
public record FixtureReport(Ruleset ruleset, List<FixtureResult> results) {
    public FixtureReport {
        Require.present("ruleset", ruleset);
        results = List.copyOf(Require.present("results", results));
    }

    public long passedCount() {
        return results.stream().filter(FixtureResult::passed).count();
    }

    public long failedCount() {
        return results.size() - passedCount();
    }

    public boolean allPassed() {
        return failedCount() == 0;
    }

    public List<FixtureResult> failures() {
        return results.stream().filter(result -> !result.passed()).toList();
    }

    /** One line per fixture; under each failure the differences and how the ruleset actually decided. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("ruleset ").append(ruleset.version().shortHash())
                .append(ruleset.label().map(label -> " \"" + label + "\"").orElse("")).append('\n');
        for (FixtureResult result : results) {
            out.append(result.passed() ? "PASS " : "FAIL ").append(result.fixture().name())
                    .append("  (").append(result.fixture().source()).append(")\n");
            if (result.passed()) {
                continue;
            }
            for (FixtureResult.Mismatch mismatch : result.mismatches()) {
                out.append(String.format("     %-12s expected %-22s actual %s%n", mismatch.field(),
                        mismatch.expected(), mismatch.actual()));
            }
            explain(result, out);
        }
        out.append(results.size()).append(" fixtures, ").append(passedCount()).append(" passed, ")
                .append(failedCount()).append(" failed\n");
        return out.toString();
    }

    private void explain(FixtureResult result, StringBuilder out) {
        Evaluation evaluation = result.evaluation();
        out.append("     score: fit ").append(evaluation.score().fit()).append(contributions(evaluation, true))
                .append(", behavior ").append(evaluation.score().behavior())
                .append(contributions(evaluation, false)).append('\n');
        for (LifecycleTransition transition : evaluation.transitions()) {
            out.append("     ").append(transition.from().key()).append(" -> ").append(transition.to().key())
                    .append(" by ").append(transition.ruleId()).append(": ")
                    .append(conditions(transition.conditions())).append('\n');
        }
        EvaluationContext settled = result.fixture().given()
                .withScores(evaluation.score().fit(), evaluation.score().behavior()).withStage(evaluation.stage());
        for (SkippedRule miss : LifecycleTransition.misses(ruleset.lifecycle(), settled)) {
            out.append("     stays ").append(evaluation.stage().key()).append(": ").append(miss.ruleId())
                    .append(" not taken: ").append(conditions(miss.conditions().stream()
                            .filter(condition -> !condition.result()).toList())).append('\n');
        }
        evaluation.routing().ifPresent(routing -> out.append("     routed: ").append(routing(routing)).append('\n'));
    }

    private static String contributions(Evaluation evaluation, boolean fit) {
        String applied = evaluation.score().contributions().stream()
                .filter(c -> c.applied() && (c.kind() == dev.orchestrator.domain.rules.ScoreKind.FIT) == fit)
                .map(c -> c.ruleId() + " " + c.points()).collect(Collectors.joining(", "));
        return applied.isEmpty() ? "" : " (" + applied + ")";
    }

    static String conditions(List<ConditionResult> conditions) {
        return conditions.stream().map(c -> c.expr() + " = " + c.result() + " " + c.values())
                .collect(Collectors.joining("; "));
    }

    static String routing(RoutingDecision routing) {
        String passedOver = routing.candidates().stream().filter(c -> c.outcome() != CandidateOutcome.ASSIGNED)
                .map(c -> c.owner() + " " + c.reason()).collect(Collectors.joining(", "));
        return routing.target().label() + " by " + routing.ruleId() + " (" + routing.reason() + ")"
                + (passedOver.isEmpty() ? "" : "; passed over: " + passedOver);
    }
}
