package dev.orchestrator.application.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.ExternalStageChange;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.Router;
import dev.orchestrator.domain.rules.RoutingDecision;
import dev.orchestrator.domain.rules.ScoreCard;
import dev.orchestrator.domain.rules.SlaClock;
import dev.orchestrator.domain.rules.SlaRule;
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
        if (fixture.scenario().isPresent()) {
            return scenario(ruleset, roster, fixture, fixture.scenario().get());
        }
        Evaluation evaluation = RulesEngine.evaluate(ruleset, fixture.given(), roster, fixture.rotation());
        return new FixtureResult(fixture, compare(fixture, evaluation), evaluation);
    }

    /**
     * The sweep's SLA check (first breached SLA rule; a reassigning one routes again without the late owner), or
     * a stage change from the CRM judged as the webhook handler judges it. Neither runs the lifecycle rules:
     * a manual change is respected as it is, and the sweep only reassigns.
     */
    private static FixtureResult scenario(Ruleset ruleset, OwnerRoster roster, RuleFixture fixture,
            FixtureScenario scenario) {
        ScoreCard score = ScoreCard.score(ruleset.scoring(), fixture.given());
        // Routing reads the record's scores as the contact holds them.
        EvaluationContext given = fixture.given().withScores(score.fit(), score.behavior());
        LifecycleStage stage = given.stage();
        Optional<RoutingDecision> routing = Optional.empty();
        RoundRobinState rotation = fixture.rotation();
        List<FixtureResult.Mismatch> mismatches = new ArrayList<>();
        if (scenario instanceof FixtureScenario.SlaTimer timer) {
            SlaClock clock = new SlaClock(stage, timer.stageEnteredAt(), given.owner().map(OwnerState::id),
                    timer.ownerAssignedAt(), timer.touchedAt(), Optional.empty());
            Optional<SlaRule.SlaBreach> breach = Optional.empty();
            Optional<SlaRule> breachedRule = Optional.empty();
            for (SlaRule rule : ruleset.sla()) {
                breach = rule.check(clock, given.now(), ruleset.businessHours());
                if (breach.isPresent()) {
                    breachedRule = Optional.of(rule);
                    break;
                }
            }
            if (breachedRule.isPresent() && breachedRule.get().reassign()) {
                Router.Outcome routed = Router.reassign(ruleset, given, roster, rotation, breach.get());
                routing = Optional.of(routed.decision());
                rotation = routed.rotation();
            }
            String actual = breach.map(SlaRule.SlaBreach::ruleId).orElse("none");
            fixture.expect().slaBreach().ifPresent(expected -> check(mismatches, "sla_breach", expected, actual));
        } else {
            FixtureScenario.CrmStageChange change = (FixtureScenario.CrmStageChange) scenario;
            ExternalStageChange verdict = ExternalStageChange.judge(ruleset, stage, change.to(), change.byPerson());
            if (verdict instanceof ExternalStageChange.Manual || verdict instanceof ExternalStageChange.AlongRules) {
                stage = change.to();
            }
            String actual = verdict instanceof ExternalStageChange.Manual ? "manual"
                    : verdict instanceof ExternalStageChange.AlongRules ? "along-rules"
                    : verdict instanceof ExternalStageChange.Illegal ? "illegal" : "unchanged";
            fixture.expect().crmChange().ifPresent(expected -> check(mismatches, "crm_change", expected, actual));
        }
        Evaluation evaluation = new Evaluation(ruleset.version(), score, List.of(), stage, routing, List.of(),
                rotation);
        List<FixtureResult.Mismatch> all = new ArrayList<>(compare(fixture, evaluation));
        all.addAll(mismatches);
        return new FixtureResult(fixture, all, evaluation);
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
