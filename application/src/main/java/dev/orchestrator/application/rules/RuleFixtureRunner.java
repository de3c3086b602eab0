package dev.orchestrator.application.rules;

import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.LifecycleTransition;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.RoutingTarget;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesEngine;
import dev.orchestrator.domain.rules.TriggeredAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs rule fixtures against a ruleset and an owner directory, purely in memory. Each fixture's owner overrides
 * apply to that fixture only.
 */
public final class RuleFixtureRunner {

    public FixtureReport run(Ruleset ruleset, OwnerRoster owners, List<RuleFixture> fixtures) {
        List<FixtureResult> results = new ArrayList<>(fixtures.size());
        for (RuleFixture fixture : fixtures) {
            results.add(run(ruleset, owners, fixture));
        }
        return new FixtureReport(ruleset, results);
    }

    public FixtureResult run(Ruleset ruleset, OwnerRoster owners, RuleFixture fixture) {
        OwnerRoster roster = owners;
        for (OwnerState override : fixture.ownerOverrides()) {
            roster = roster.with(override);
        }
        Evaluation evaluation = RulesEngine.evaluate(ruleset, fixture.given(), roster, fixture.rotation());
        return new FixtureResult(fixture, compare(fixture, evaluation), evaluation);
    }

    private static List<FixtureResult.Mismatch> compare(RuleFixture fixture, Evaluation evaluation) {
        FixtureExpectation expect = fixture.expect();
        List<FixtureResult.Mismatch> mismatches = new ArrayList<>();
        expect.stage().ifPresent(stage -> check(mismatches, "stage", stage.key(), evaluation.stage().key()));
        String target = target(fixture, evaluation);
        expect.owner().ifPresent(owner -> check(mismatches, "owner", owner, target));
        expect.queue().ifPresent(queue -> check(mismatches, "queue", "queue:" + queue, target));
        check(mismatches, "score.fit", expect.fit(), evaluation.score().fit());
        check(mismatches, "score.behavior", expect.behavior(), evaluation.score().behavior());
        check(mismatches, "score.total", expect.total(), evaluation.score().total());
        expect.transitions().ifPresent(ids -> check(mismatches, "transitions", String.valueOf(ids),
                String.valueOf(evaluation.transitions().stream().map(LifecycleTransition::ruleId).toList())));
        expect.routingRule().ifPresent(rule -> check(mismatches, "routing_rule", rule,
                evaluation.routing().map(routing -> routing.ruleId()).orElse("(not routed)")));
        expect.actions().ifPresent(ids -> check(mismatches, "actions", String.valueOf(ids),
                String.valueOf(evaluation.actions().stream().map(TriggeredAction::actionRuleId).distinct().toList())));
        return mismatches;
    }

    /** The owner id or {@code queue:NAME} after evaluation: the routed target, else the owner the record kept. */
    private static String target(RuleFixture fixture, Evaluation evaluation) {
        Optional<String> routed = evaluation.routing().map(routing -> routing.target()).map(RoutingTarget::label);
        return routed.or(() -> fixture.given().owner().map(OwnerState::id)).orElse("(none)");
    }

    private static void check(List<FixtureResult.Mismatch> mismatches, String field, OptionalInt expected, int actual) {
        if (expected.isPresent()) {
            check(mismatches, field, Integer.toString(expected.getAsInt()), Integer.toString(actual));
        }
    }

    private static void check(List<FixtureResult.Mismatch> mismatches, String field, String expected, String actual) {
        if (!expected.equals(actual)) {
            mismatches.add(new FixtureResult.Mismatch(field, expected, actual));
        }
    }
}
