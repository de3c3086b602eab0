package dev.orchestrator.domain.rules;

import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.domain.crm.LifecycleStage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalStageChangeTest {
    private static final Ruleset RULES = aRuleset()
            .transition("mql-on-fit", List.of(LifecycleStage.LEAD), LifecycleStage.MQL, "score.fit >= 30")
            .transition("sql-on-demo", List.of(LifecycleStage.MQL), LifecycleStage.SQL, "signal demo_requested within 30d")
            .recycle("recycle", List.of(LifecycleStage.SQL), LifecycleStage.LEAD, "no-response", "score.fit < 10")
            .build();

    @Test
    void a_persons_change_is_respected_even_where_no_rule_would_make_it() {
        ExternalStageChange verdict = ExternalStageChange.judge(RULES, LifecycleStage.LEAD, LifecycleStage.CUSTOMER,
                true);

        assertThat(verdict).isEqualTo(new ExternalStageChange.Manual(LifecycleStage.LEAD, LifecycleStage.CUSTOMER,
                List.of(), false));
    }

    @Test
    void a_persons_backward_change_is_respected_and_marked_backward() {
        ExternalStageChange verdict = ExternalStageChange.judge(RULES, LifecycleStage.SQL, LifecycleStage.MQL, true);

        assertThat(verdict).isInstanceOfSatisfying(ExternalStageChange.Manual.class,
                manual -> assertThat(manual.backward()).isTrue());
    }

    @Test
    void a_systems_change_along_a_rule_names_the_rule() {
        ExternalStageChange verdict = ExternalStageChange.judge(RULES, LifecycleStage.MQL, LifecycleStage.SQL, false);

        assertThat(verdict).isEqualTo(new ExternalStageChange.AlongRules(LifecycleStage.MQL, LifecycleStage.SQL,
                List.of("sql-on-demo")));
    }

    @Test
    void a_systems_backward_change_is_allowed_only_by_a_recycle_rule() {
        assertThat(ExternalStageChange.judge(RULES, LifecycleStage.SQL, LifecycleStage.LEAD, false))
                .isInstanceOf(ExternalStageChange.AlongRules.class);
        assertThat(ExternalStageChange.judge(RULES, LifecycleStage.SQL, LifecycleStage.MQL, false))
                .isInstanceOfSatisfying(ExternalStageChange.Illegal.class, illegal ->
                        assertThat(illegal.reason()).contains("a move back from sql to mql needs a rule"));
    }

    @Test
    void a_systems_change_no_rule_allows_is_illegal() {
        assertThat(ExternalStageChange.judge(RULES, LifecycleStage.LEAD, LifecycleStage.CUSTOMER, false))
                .isEqualTo(new ExternalStageChange.Illegal(LifecycleStage.LEAD, LifecycleStage.CUSTOMER,
                        "no lifecycle rule moves a record from lead to customer"));
    }

    @Test
    void the_stage_already_held_is_no_change_whoever_sets_it() {
        assertThat(ExternalStageChange.judge(RULES, LifecycleStage.SQL, LifecycleStage.SQL, false))
                .isEqualTo(new ExternalStageChange.Unchanged(LifecycleStage.SQL));
    }
}
