package dev.orchestrator.domain.rules;

import static dev.orchestrator.domain.rules.ContextBuilder.aContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.DomainViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code ai.*} namespace: a classifier's accepted proposal, readable by rules and by nothing else. */
class AiFieldsTest {

    private static ConditionResult evaluate(String condition, ContextBuilder context) {
        return ConditionEvaluator.evaluate(ConditionParser.parse(condition), context.build());
    }

    @Test
    void a_rule_reads_the_proposed_routing_tier_and_shows_it_in_the_explanation() {
        ConditionResult result = evaluate("ai.routing_tier == priority",
                aContext().withAi("routing_tier", Value.of("priority")));

        assertThat(result.result()).isTrue();
        assertThat(result.values()).containsExactly(entry("ai.routing_tier", "priority"));
    }

    @Test
    void a_confidence_threshold_compares_numerically() {
        assertThat(evaluate("ai.confidence >= 0.8", aContext().withAi("confidence", Value.of(0.85))).result())
                .isTrue();
        assertThat(evaluate("ai.confidence >= 0.8", aContext().withAi("confidence", Value.of(0.79))).result())
                .isFalse();
    }

    @Test
    void without_a_proposal_every_ai_comparison_is_false_and_shown_as_missing() {
        ConditionResult result = evaluate("ai.routing_tier != priority", aContext());

        assertThat(result.result()).isFalse();
        assertThat(result.values()).containsExactly(entry("ai.routing_tier", "(missing)"));
    }

    @Test
    void a_record_field_of_the_same_name_is_not_read_as_a_proposal() {
        ConditionResult result = evaluate("ai.routing_tier == priority",
                aContext().withRecord("routing_tier", Value.of("priority")));

        assertThat(result.result()).isFalse();
    }

    @Test
    void the_detected_stack_is_a_list_that_contains_reads() {
        assertThat(evaluate("ai.detected_stack contains snowflake",
                aContext().withAi("detected_stack", Value.of("kubernetes,snowflake"))).result()).isTrue();
    }

    @Test
    void the_parser_refuses_an_ai_field_a_classifier_may_not_propose() {
        assertThatThrownBy(() -> ConditionParser.parse("ai.lifecycle_stage == customer"))
                .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.problem()).contains("an ai field (").contains("routing_tier")
                            .endsWith("found 'ai.lifecycle_stage'");
                });
    }

    @Test
    void a_context_refuses_ai_values_outside_the_proposal_fields() {
        EvaluationContext context = EvaluationContext.empty(LifecycleStage.LEAD, ContextBuilder.NOW);

        assertThatThrownBy(() -> context.withAi(Map.of("owner_id", Value.of("owner-01"))))
                .isInstanceOf(DomainViolation.class).hasMessageContaining("ai.owner_id");
    }

    @Test
    void the_proposal_survives_the_copies_made_during_one_evaluation() {
        EvaluationContext context = aContext().withAi("routing_tier", Value.of("priority")).build()
                .withScores(10, 20).withStage(LifecycleStage.MQL).withOwner(java.util.Optional.empty())
                .at(ContextBuilder.NOW.plusSeconds(60));

        assertThat(context.ai()).containsEntry("routing_tier", Value.of("priority"));
    }

    @Test
    void a_lifecycle_rule_moves_a_lead_on_ai_conditions_and_its_trace_shows_the_proposal() {
        Ruleset ruleset = RulesetBuilder.aRuleset().transition("sql-on-confident-priority",
                List.of(LifecycleStage.LEAD), LifecycleStage.SQL, "ai.routing_tier == priority",
                "ai.confidence >= 0.8").build();
        EvaluationContext context = aContext().withAi("routing_tier", Value.of("priority"))
                .withAi("confidence", Value.of(0.9)).build();

        Evaluation evaluation = RulesEngine.evaluate(ruleset, context, OwnerRoster.of(List.of()),
                RoundRobinState.start());

        assertThat(evaluation.stage()).isEqualTo(LifecycleStage.SQL);
        assertThat(evaluation.transitions()).singleElement().satisfies(t -> assertThat(t.conditions())
                .extracting(ConditionResult::values)
                .containsExactly(Map.of("ai.routing_tier", "priority"), Map.of("ai.confidence", "0.9")));
    }

    @Test
    void the_same_rule_does_not_fire_on_a_low_confidence_proposal() {
        Ruleset ruleset = RulesetBuilder.aRuleset().transition("sql-on-confident-priority",
                List.of(LifecycleStage.LEAD), LifecycleStage.SQL, "ai.routing_tier == priority",
                "ai.confidence >= 0.8").build();
        EvaluationContext context = aContext().withAi("routing_tier", Value.of("priority"))
                .withAi("confidence", Value.of(0.6)).build();

        Evaluation evaluation = RulesEngine.evaluate(ruleset, context, OwnerRoster.of(List.of()),
                RoundRobinState.start());

        assertThat(evaluation.stage()).isEqualTo(LifecycleStage.LEAD);
    }
}
