package dev.orchestrator.domain.rules;

import static dev.orchestrator.domain.rules.ContextBuilder.aContext;
import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.DomainViolation;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesEngineTest {
    private static final List<LifecycleStage> LEAD = List.of(LifecycleStage.LEAD);

    private static RulesetBuilder classic() {
        return aRuleset()
                .fit("company.employees >= 200", 20)
                .fit("company.industry in [manufacturing, software]", 15)
                .behavior("signal pricing_page_view within 30d", 25)
                .transition("mql-fit-and-intent", LEAD, LifecycleStage.MQL, "score.fit >= 30",
                        "signal any [pricing_page_view, content_download, webinar_attended] within 30d")
                .transition("sql-on-demo", List.of(LifecycleStage.MQL), LifecycleStage.SQL,
                        "signal demo_requested within 30d")
                .recycle("nurture-after-90-days-dark", List.of(LifecycleStage.LEAD, LifecycleStage.MQL),
                        LifecycleStage.NURTURE, "recycled-no-activity", "days_since_last_activity >= 90")
                .pool("aes", List.of("ae-1", "ae-2"))
                .routeToPool("big", "aes", OptionalInt.empty(), "company.employees >= 200");
    }

    private static EvaluationContext strongFitWith(String... signals) {
        ContextBuilder builder = aContext().withCompany("employees", Value.of(450))
                .withCompany("industry", Value.of("software"));
        for (String signal : signals) {
            builder.withSignalDaysAgo(signal, 2);
        }
        return builder.build();
    }

    private static OwnerRoster owners() {
        return OwnerRoster.of(List.of(OwnerState.available("ae-1"), OwnerState.available("ae-2")));
    }

    @Test
    void scores_fit_and_behavior_with_each_rules_contribution() {
        Evaluation evaluation = RulesEngine.evaluate(classic().build(), strongFitWith("pricing_page_view"), owners(),
                RoundRobinState.start());

        assertThat(evaluation.score().fit()).isEqualTo(35);
        assertThat(evaluation.score().behavior()).isEqualTo(25);
        assertThat(evaluation.score().contributions()).extracting(ScoreContribution::points)
                .containsExactly(20, 15, 25);
        assertThat(evaluation.rulesetVersion()).isEqualTo(RulesetBuilder.VERSION);
    }

    @Test
    void a_fitting_lead_with_intent_becomes_an_mql_with_the_evidence_of_each_condition() {
        Evaluation evaluation = RulesEngine.evaluate(classic().build(), strongFitWith("webinar_attended"), owners(),
                RoundRobinState.start());

        assertThat(evaluation.stage()).isEqualTo(LifecycleStage.MQL);
        LifecycleTransition transition = evaluation.transitions().get(0);
        assertThat(transition.ruleId()).isEqualTo("mql-fit-and-intent");
        assertThat(transition.from()).isEqualTo(LifecycleStage.LEAD);
        assertThat(transition.conditions()).allMatch(ConditionResult::result);
        assertThat(transition.conditions().get(0).values()).containsEntry("score.fit", "35");
    }

    @Test
    void transitions_chain_within_one_evaluation() {
        Evaluation evaluation = RulesEngine.evaluate(classic().build(),
                strongFitWith("pricing_page_view", "demo_requested"), owners(), RoundRobinState.start());

        assertThat(evaluation.transitions()).extracting(LifecycleTransition::ruleId)
                .containsExactly("mql-fit-and-intent", "sql-on-demo");
        assertThat(evaluation.stage()).isEqualTo(LifecycleStage.SQL);
    }

    @Test
    void a_weak_fit_stays_a_lead() {
        EvaluationContext context = aContext().withCompany("employees", Value.of(50))
                .withSignalDaysAgo("pricing_page_view", 1).build();

        Evaluation evaluation = RulesEngine.evaluate(classic().build(), context, owners(), RoundRobinState.start());

        assertThat(evaluation.transitions()).isEmpty();
        assertThat(evaluation.stage()).isEqualTo(LifecycleStage.LEAD);
    }

    @Test
    void a_recycle_carries_its_reason_code() {
        EvaluationContext context = aContext().inStage(LifecycleStage.MQL).lastActiveDaysAgo(100)
                .ownedBy(OwnerState.available("ae-1")).build();

        Evaluation evaluation = RulesEngine.evaluate(classic().build(), context, owners(), RoundRobinState.start());

        assertThat(evaluation.transitions()).singleElement().satisfies(t -> {
            assertThat(t.to()).isEqualTo(LifecycleStage.NURTURE);
            assertThat(t.reason()).contains("recycled-no-activity");
        });
    }

    @Test
    void a_cycle_of_rules_stops_when_a_stage_would_be_revisited() {
        Ruleset looping = aRuleset()
                .transition("up", LEAD, LifecycleStage.MQL, "company.employees >= 1")
                .recycle("down", List.of(LifecycleStage.MQL), LifecycleStage.LEAD, "loop", "company.employees >= 1")
                .build();

        Evaluation evaluation = RulesEngine.evaluate(looping,
                aContext().withCompany("employees", Value.of(5)).build(), owners(), RoundRobinState.start());

        assertThat(evaluation.transitions()).extracting(LifecycleTransition::ruleId).containsExactly("up", "down");
    }

    @Test
    void an_unowned_record_is_routed_and_the_turn_advances() {
        Evaluation evaluation = RulesEngine.evaluate(classic().build(), strongFitWith(), owners(),
                RoundRobinState.start());

        assertThat(evaluation.routing()).map(RoutingDecision::target)
                .contains(new RoutingTarget.Owner("ae-1", "aes"));
        assertThat(evaluation.rotation().cursor("aes")).isEqualTo(1);
    }

    @Test
    void a_record_with_an_active_owner_is_not_rerouted() {
        EvaluationContext owned = aContext().withCompany("employees", Value.of(450))
                .ownedBy(OwnerState.available("ae-2")).build();

        Evaluation evaluation = RulesEngine.evaluate(classic().build(), owned, owners(), RoundRobinState.start());

        assertThat(evaluation.routing()).isEmpty();
        assertThat(evaluation.rotation()).isEqualTo(RoundRobinState.start());
    }

    @Test
    void a_transition_triggers_the_actions_whose_conditions_hold() {
        ActionRule bigDeal = new ActionRule("flag-big-deal", Optional.of(LifecycleStage.OPPORTUNITY), Set.of(),
                Optional.empty(), RulesetBuilder.all("deal.amount >= 100000"),
                List.of(new ActionSpec("flag_account", "executive-attention", Map.of())));
        Ruleset ruleset = aRuleset()
                .transition("opportunity-on-deal", List.of(LifecycleStage.SQL), LifecycleStage.OPPORTUNITY,
                        "deal.amount > 0")
                .action(bigDeal).build();

        Evaluation big = RulesEngine.evaluate(ruleset, aContext().inStage(LifecycleStage.SQL)
                .withDeal("amount", Value.of(250000)).build(), owners(), RoundRobinState.start());
        Evaluation small = RulesEngine.evaluate(ruleset, aContext().inStage(LifecycleStage.SQL)
                .withDeal("amount", Value.of(5000)).build(), owners(), RoundRobinState.start());

        assertThat(big.actions()).singleElement().satisfies(action -> {
            assertThat(action.actionRuleId()).isEqualTo("flag-big-deal");
            assertThat(action.transitionRuleId()).isEqualTo("opportunity-on-deal");
            assertThat(action.action().target()).isEqualTo("executive-attention");
        });
        assertThat(small.stage()).isEqualTo(LifecycleStage.OPPORTUNITY);
        assertThat(small.actions()).isEmpty();
    }

    @Test
    void a_backward_move_without_a_reason_code_is_refused() {
        assertThatThrownBy(() -> new LifecycleRule("reopen", EnumSet.of(LifecycleStage.SQL), LifecycleStage.LEAD,
                RulesetBuilder.all("stage == sql"), Optional.empty()))
                .isInstanceOf(DomainViolation.class).hasMessageContaining("needs a reason code");
    }

    @Test
    void a_ruleset_refuses_a_rule_id_used_twice_in_a_section() {
        assertThatThrownBy(() -> aRuleset()
                .transition("same", LEAD, LifecycleStage.MQL, "score.fit >= 1")
                .transition("same", LEAD, LifecycleStage.MQL, "score.fit >= 2").build())
                .isInstanceOf(DomainViolation.class).hasMessageContaining("'same' is used twice");
    }

    @Test
    void the_misses_of_a_stage_name_the_rules_that_could_have_left_it_and_their_failing_conditions() {
        EvaluationContext weak = aContext().withScores(10, 0).withSignalDaysAgo("pricing_page_view", 1).build();

        List<SkippedRule> misses = LifecycleTransition.misses(classic().build().lifecycle(), weak);

        assertThat(misses).extracting(SkippedRule::ruleId)
                .containsExactly("mql-fit-and-intent", "nurture-after-90-days-dark");
        assertThat(misses.get(0).conditions()).extracting(ConditionResult::result).containsExactly(false, true);
    }

    @Test
    void a_ruleset_names_the_rules_that_allow_a_move_and_none_for_an_illegal_one() {
        Ruleset ruleset = classic().build();

        assertThat(ruleset.rulesAllowing(LifecycleStage.MQL, LifecycleStage.NURTURE))
                .containsExactly("nurture-after-90-days-dark");
        assertThat(ruleset.rulesAllowing(LifecycleStage.LEAD, LifecycleStage.SQL)).isEmpty();
    }
}
