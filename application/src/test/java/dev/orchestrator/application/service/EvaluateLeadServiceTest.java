package dev.orchestrator.application.service;

import static dev.orchestrator.domain.rules.ContextBuilder.aContext;
import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.in.EvaluateLeadQuery;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesetVersion;
import dev.orchestrator.domain.rules.Value;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EvaluateLeadServiceTest {

    @Test
    void evaluates_under_whichever_ruleset_is_active_at_the_time_of_the_call() {
        Ruleset strict = aRuleset().fit("company.employees >= 200", 20)
                .transition("mql", List.of(LifecycleStage.LEAD), LifecycleStage.MQL, "score.fit >= 30").build();
        Ruleset lenient = aRuleset().withVersion(new RulesetVersion("c".repeat(64)))
                .fit("company.employees >= 200", 20)
                .transition("mql", List.of(LifecycleStage.LEAD), LifecycleStage.MQL, "score.fit >= 10").build();
        AtomicReference<Ruleset> active = new AtomicReference<>(strict);
        EvaluateLeadService service = new EvaluateLeadService(active::get);
        EvaluateLeadQuery query = new EvaluateLeadQuery(aContext().withCompany("employees", Value.of(300)).build(),
                OwnerRoster.empty(), RoundRobinState.start());

        Evaluation before = service.evaluate(query);
        active.set(lenient);
        Evaluation after = service.evaluate(query);

        assertThat(before.stage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(after.stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(after.rulesetVersion()).isEqualTo(lenient.version());
    }
}
