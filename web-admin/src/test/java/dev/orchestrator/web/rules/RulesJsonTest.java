package dev.orchestrator.web.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.service.DryRunRulesetService;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesEngine;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.rules.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RulesJsonTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private final ObjectMapper mapper = new ObjectMapper();
    private final Ruleset ruleset = ShippedRules.defaultRuleset();

    private Evaluation mql() {
        EvaluationContext context = new EvaluationContext(Map.of("country", Value.of("US")),
                Map.of("employees", Value.of(450), "industry", Value.of("software")), Map.of(),
                List.of(new Signal("pricing_page_view", NOW.minus(Duration.ofDays(3)))), LifecycleStage.LEAD, 0, 0,
                Optional.empty(), Optional.empty(), NOW);
        return RulesEngine.evaluate(ruleset, context, ShippedRules.sandboxOwners(), RoundRobinState.start());
    }

    @Test
    void an_mql_transition_explains_itself_with_rule_version_and_each_condition_and_value() {
        JsonNode why = mapper.valueToTree(RulesJson.transition(mql().transitions().get(0), ruleset.version()));

        assertThat(why.get("ruleId").asText()).isEqualTo("mql-fit-and-intent");
        assertThat(why.get("rulesetVersion").asText()).isEqualTo(ruleset.version().hash());
        assertThat(why.get("at").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(why.get("from").asText()).isEqualTo("lead");
        assertThat(why.get("to").asText()).isEqualTo("mql");
        JsonNode fit = why.get("conditions").get(0);
        assertThat(fit.get("expr").asText()).isEqualTo("score.fit >= 30");
        assertThat(fit.get("result").asBoolean()).isTrue();
        assertThat(fit.get("values").get("score.fit").asText()).isEqualTo("40");
        JsonNode intent = why.get("conditions").get(1);
        assertThat(intent.get("values").get("signals").asText())
                .isEqualTo("pricing_page_view@2026-11-17T10:00:00Z");
    }

    @Test
    void a_routing_explanation_lists_the_candidates_that_lost_and_why() {
        JsonNode why = mapper.valueToTree(RulesJson.routing(mql().routing().orElseThrow(), ruleset.version()));

        assertThat(why.get("ruleId").asText()).isEqualTo("na-commercial");
        assertThat(why.get("owner").asText()).isEqualTo("owner-05");
        assertThat(why.get("candidates")).extracting(node -> node.get("owner").asText() + ":"
                + node.get("outcome").asText()).containsExactly("owner-05:assigned", "owner-06:out-of-office",
                "owner-07:not-their-turn", "owner-08:capped");
        assertThat(why.get("skipped")).extracting(node -> node.get("ruleId").asText()).containsExactly(
                "account-owner", "disqualified-to-review", "fast-lane-demo", "small-to-nurture", "na-enterprise");
    }

    @Test
    void the_dry_run_json_has_the_shape_of_the_external_contract() {
        Ruleset proposed = new RulesetYamlParser().parse(new String(ShippedRules.defaultRulesetBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("\"score.fit >= 30\", \"signal any [pricing_page_view, "
                + "content_download, webinar_attended] within 30d\"", "\"score.fit >= 10\", \"signal any "
                + "[pricing_page_view, content_download, webinar_attended] within 30d\""));
        RecordHistory smallCompany = new RecordHistory("rec-1", NOW.minus(Duration.ofDays(10)), LifecycleStage.LEAD,
                Optional.empty(), Map.of("country", Value.of("US")), Map.of("employees", Value.of(120)), Map.of(),
                List.of(new Signal("pricing_page_view", NOW.minus(Duration.ofDays(2)))));

        JsonNode json = mapper.valueToTree(RulesJson.dryRun(new DryRunRulesetService().dryRun(new DryRunQuery(
                ruleset, proposed, List.of(smallCompany), ShippedRules.sandboxOwners(), NOW, 10))));

        assertThat(json.fieldNames()).toIterable().containsExactly("activeVersion", "proposedVersion", "records",
                "changed", "stageMatrix", "rows", "rowsOmitted");
        assertThat(json.get("proposedVersion").asText()).isEqualTo(proposed.version().hash());
        assertThat(json.get("records").asInt()).isEqualTo(1);
        assertThat(json.get("changed").toString()).isEqualTo("{\"stage\":1,\"owner\":0,\"score\":0}");
        assertThat(json.get("stageMatrix").toString()).isEqualTo("{\"lead\":{\"mql\":1}}");
        JsonNode row = json.get("rows").get(0);
        assertThat(row.get("recordId").asText()).isEqualTo("rec-1");
        assertThat(row.get("active").get("stage").asText()).isEqualTo("lead");
        assertThat(row.get("proposed").get("stage").asText()).isEqualTo("mql");
        assertThat(row.get("firstDifference").get("ruleId").asText()).isEqualTo("mql-fit-and-intent");
        assertThat(row.get("firstDifference").get("condition").asText()).isEqualTo("score.fit >= 10");
    }

    @Test
    void a_refused_file_becomes_a_problem_with_line_and_column() {
        JsonNode problem = mapper.valueToTree(RulesJson.problem(new RulesetSyntaxError(4, 33, "expected an operator")));

        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("line").asInt()).isEqualTo(4);
        assertThat(problem.get("column").asInt()).isEqualTo(33);
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("expected an operator");
    }
}
