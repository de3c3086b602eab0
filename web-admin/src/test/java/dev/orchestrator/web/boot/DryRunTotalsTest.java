package dev.orchestrator.web.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.web.rules.MqlThresholdBenchmark;
import dev.orchestrator.web.rules.ShippedRules;
import dev.orchestrator.web.testing.Browser;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways into a dry run (CLI, API, sandbox page) report the same totals for the same proposal. */
class DryRunTotalsTest {
    private static final byte[] PROPOSED = MqlThresholdBenchmark.withMqlThreshold(ShippedRules.defaultRulesetBytes(),
            30, 40);
    private static RunningOrchestrator server;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_cli_the_api_and_the_page_give_the_same_totals(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("proposed.yaml");
        Files.write(file, PROPOSED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RulesCommands.run(List.of("dry-run", file.toString(), "--json"),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        JsonNode cli = mapper.readTree(out.toString(StandardCharsets.UTF_8));

        HttpResponse<String> api = server.postApi("/api/rules/dry-run?rows=0", RunningOrchestrator.TOKEN,
                new String(PROPOSED, StandardCharsets.UTF_8));
        JsonNode apiJson = mapper.readTree(api.body());

        Browser browser = new Browser(server);
        browser.logIn("victor", RunningOrchestrator.PASSWORD);
        String page = browser.postWithToken("/sandbox", "/sandbox", Map.of("action", "dry-run", "ruleset",
                new String(PROPOSED, StandardCharsets.UTF_8))).body();

        assertThat(exit).isZero();
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode changed = cli.get("changed");
        assertThat(changed.get("stage").asInt()).isPositive();
        assertThat(apiJson.get("records").asInt()).isEqualTo(cli.get("records").asInt()).isEqualTo(25_000);
        assertThat(apiJson.get("changed")).isEqualTo(changed);
        assertThat(apiJson.get("stageMatrix")).isEqualTo(cli.get("stageMatrix"));
        assertThat(page).contains(String.format("25,000 records: %,d change stage, %,d change owner, %,d change score",
                changed.get("stage").asInt(), changed.get("owner").asInt(), changed.get("score").asInt()));
    }
}
