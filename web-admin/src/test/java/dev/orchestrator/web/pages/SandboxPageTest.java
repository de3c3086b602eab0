package dev.orchestrator.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.web.rules.ShippedRules;
import dev.orchestrator.web.testing.Browser;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxPageTest {
    private static final String ACTIVE = new String(ShippedRules.defaultRulesetBytes(), StandardCharsets.UTF_8);
    private static RunningOrchestrator server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = RunningOrchestrator.start();
        browser = new Browser(server);
        browser.logIn("victor", RunningOrchestrator.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theEditorStartsFromTheActiveRuleset() {
        String page = browser.get("/sandbox").body();

        assertThat(page).contains("id=\"ruleset\"", "mql-fit-and-intent");
    }

    @Test
    void aDryRunOfALowerMqlThresholdShowsWhoWouldChangeAndTheFirstDifferingCondition() {
        String proposed = ACTIVE.replace("\"score.fit >= 30\", \"signal any [pricing_page_view",
                "\"score.fit >= 20\", \"signal any [pricing_page_view");

        HttpResponse<String> result = browser.postWithToken("/sandbox", "/sandbox",
                Map.of("action", "dry-run", "ruleset", proposed));

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("id=\"sandbox-result\"", "25,000 records", "change stage",
                "condition score.fit &gt;= 20");
    }

    @Test
    void aBrokenFileIsRefusedAtItsLine() {
        HttpResponse<String> result = browser.postWithToken("/sandbox", "/sandbox",
                Map.of("action", "dry-run", "ruleset", "label: x\nscoring:\n  fit:\n    - { when: \"company.industry is [software]\", points: 5 }\n"));

        assertThat(result.body()).contains("id=\"ruleset-error\"", "Refused at line 4");
    }

    @Test
    void theShippedFixturesRunAgainstTheProposedFile() {
        HttpResponse<String> result = browser.postWithToken("/sandbox", "/sandbox",
                Map.of("action", "test", "ruleset", ACTIVE));

        assertThat(result.body()).contains("id=\"sandbox-result\"", "58 fixtures, 58 passed, 0 failed");
    }
}
