package dev.orchestrator.application.rules;

import static dev.orchestrator.domain.rules.ContextBuilder.aContext;
import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.RulesEngine;
import dev.orchestrator.domain.rules.Value;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RuleEvidenceTest {
    private final Evaluation evaluation = RulesEngine.evaluate(aRuleset()
                    .fit("company.employees >= 200", 40)
                    .transition("mql", List.of(LifecycleStage.LEAD), LifecycleStage.MQL, "score.fit >= 30",
                            "signal pricing_page_view within 30d")
                    .pool("aes", List.of("ae-1", "ae-2"))
                    .routeToPool("big", "aes", OptionalInt.of(5), "company.employees >= 200").build(),
            aContext().withCompany("employees", Value.of(500)).withSignalDaysAgo("pricing_page_view", 2).build(),
            OwnerRoster.of(List.of(new OwnerState("ae-1", true, false, 5), OwnerState.available("ae-2"))),
            RoundRobinState.start());

    @Test
    void a_transitions_conditions_survive_the_round_trip_through_audit_evidence() {
        Map<String, String> evidence = RuleEvidence.transition(evaluation.transitions().get(0));

        assertThat(evidence).containsEntry("from", "lead").containsEntry("to", "mql")
                .containsEntry("condition.1.expr", "score.fit >= 30")
                .containsEntry("condition.1.values.score.fit", "40");
        assertThat(RuleEvidence.conditions(evidence)).isEqualTo(evaluation.transitions().get(0).conditions());
    }

    @Test
    void routing_candidates_survive_the_round_trip_through_audit_evidence() {
        Map<String, String> evidence = RuleEvidence.routing(evaluation.routing().orElseThrow());

        assertThat(evidence).containsEntry("target", "ae-2").containsEntry("candidate.1.outcome", "capped");
        assertThat(RuleEvidence.candidates(evidence)).isEqualTo(evaluation.routing().orElseThrow().candidates());
        assertThat(RuleEvidence.conditions(evidence)).isEqualTo(evaluation.routing().orElseThrow().conditions());
    }
}
