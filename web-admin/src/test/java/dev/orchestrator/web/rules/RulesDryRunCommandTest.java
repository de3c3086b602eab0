package dev.orchestrator.web.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.rules.SyntheticHistories;
import dev.orchestrator.application.service.DryRunRulesetService;
import dev.orchestrator.domain.rules.Ruleset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesDryRunCommandTest {
    private static final String MQL_30 = "\"score.fit >= 30\", \"signal any [pricing_page_view, content_download, "
            + "webinar_attended] within 30d\"";
    private final ObjectMapper mapper = new ObjectMapper();
    private final RulesDryRunCommand command = new RulesDryRunCommand(new DryRunRulesetService(),
            new RulesetYamlParser(), mapper);
    private final Ruleset active = ShippedRules.defaultRuleset();
    private final List<RecordHistory> population = SyntheticHistories.generate(11, 400, RulesBenchmark.AS_OF);

    private static byte[] proposedWithMqlThreshold(int threshold) {
        String text = new String(ShippedRules.defaultRulesetBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains(MQL_30);
        return text.replace(MQL_30, MQL_30.replace("30\"", threshold + "\"")).getBytes(StandardCharsets.UTF_8);
    }

    private String run(byte[] proposed, boolean json, int expectedExit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = command.run(active, proposed, population, ShippedRules.sandboxOwners(), RulesBenchmark.AS_OF, json,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_table_and_the_json_report_the_same_totals() throws IOException {
        byte[] proposed = proposedWithMqlThreshold(25);

        String table = run(proposed, false, 0);
        JsonNode json = mapper.readTree(run(proposed, true, 0));

        int stage = json.get("changed").get("stage").asInt();
        assertThat(stage).isPositive();
        assertThat(table).contains(String.format("400 records: %d change stage, %d change owner, %d change score",
                stage, json.get("changed").get("owner").asInt(), json.get("changed").get("score").asInt()));
        assertThat(json.get("rows")).hasSize(stage + json.get("rowsOmitted").asInt());
    }

    @Test
    void a_stricter_threshold_only_takes_mqls_away() throws IOException {
        JsonNode json = mapper.readTree(run(proposedWithMqlThreshold(45), true, 0));

        assertThat(json.get("changed").get("stage").asInt()).isPositive();
        json.get("rows").forEach(row -> assertThat(row.get("proposed").get("stage").asText())
                .isNotEqualTo(row.get("active").get("stage").asText()));
        assertThat(json.get("stageMatrix").get("lead").has("mql")).isFalse();
    }

    @Test
    void a_refused_proposal_prints_its_line_and_column_and_exits_with_two() {
        String out = run("routing:\n  - { id: r, all: [ \"stage = mql\" ], assign: { queue: q } }\n"
                .getBytes(StandardCharsets.UTF_8), false, 2);

        assertThat(out).startsWith("proposed ruleset refused: line 2, column 28: expected an operator");
    }
}
