package dev.orchestrator.web.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.rules.FixtureReport;
import dev.orchestrator.domain.rules.Ruleset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesTestCommandTest {
    private final RulesTestCommand command = new RulesTestCommand();
    private final Ruleset ruleset = ShippedRules.defaultRuleset();

    private static Path shippedFixtures() throws URISyntaxException {
        return Path.of(RulesTestCommandTest.class.getResource("/rules/fixtures").toURI());
    }

    private int run(Path directory, ByteArrayOutputStream out) {
        return command.run(directory, ruleset, ShippedRules.sandboxOwners(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void the_shipped_fixtures_all_pass_against_the_default_ruleset() throws URISyntaxException {
        FixtureReport report = command.report(shippedFixtures(), ruleset, ShippedRules.sandboxOwners());

        assertThat(report.failures()).as(report.render()).isEmpty();
        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void exits_with_zero_and_prints_every_fixture_when_all_pass() throws URISyntaxException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = run(shippedFixtures(), out);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PASS mql-on-fit-and-pricing-page  (mql.yaml)")
                .contains(" 0 failed");
    }

    @Test
    void exits_with_one_and_shows_expected_against_actual_with_the_reasons(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("wrong.yaml"), """
                name: expects-an-mql-that-is-not-one
                now: 2026-11-20T10:00:00Z
                given:
                  record: { country: US }
                  company: { employees: 120, industry: retail }
                  signals:
                    - { type: pricing_page_view, days_ago: 2 }
                expect:
                  stage: mql
                  owner: owner-07
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = run(dir, out);

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(text).contains("FAIL expects-an-mql-that-is-not-one  (wrong.yaml)")
                .containsPattern("stage\\s+expected mql\\s+actual lead")
                .containsPattern("owner\\s+expected owner-07\\s+actual owner-05")
                .contains("score: fit 15 (fit-smb 10, fit-core-market 5), behavior 20 (intent-pricing 20)")
                .contains("routed: owner-05 by na-commercial")
                .contains("stays lead: mql-fit-and-intent not taken: score.fit >= 30 = false {score.fit=15}")
                .contains("1 fixtures, 0 passed, 1 failed");
    }

    @Test
    void a_broken_fixture_file_fails_the_run_naming_file_line_and_column(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), """
                name: broken
                now: 2026-11-20T10:00:00Z
                given:
                  stage: hot
                expect:
                  stage: mql
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = run(dir, out);

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("FAIL broken.yaml: line 4, column 10: "
                + "expected a lifecycle stage");
    }

    @Test
    void an_owners_file_in_the_directory_replaces_the_owner_directory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("owners.yaml"), """
                owners:
                  - { id: owner-05, active: false }
                  - { id: owner-06 }
                """);
        Files.writeString(dir.resolve("routing.yaml"), """
                name: commercial-lead-goes-to-the-only-active-owner
                now: 2026-11-20T10:00:00Z
                given:
                  record: { country: US }
                  company: { employees: 100 }
                expect:
                  owner: owner-06
                """);

        assertThat(run(dir, new ByteArrayOutputStream())).isZero();
    }

    @Test
    void an_empty_directory_is_a_failure_not_a_silent_pass(@TempDir Path dir) {
        assertThat(run(dir, new ByteArrayOutputStream())).isEqualTo(1);
    }
}
