package dev.orchestrator.application.rules;

import static dev.orchestrator.domain.rules.ContextBuilder.aContext;
import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.Value;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RuleFixtureRunnerTest {
    private static final Ruleset RULESET = aRuleset()
            .fit("company.employees >= 200", 40)
            .transition("mql", List.of(LifecycleStage.LEAD), LifecycleStage.MQL, "score.fit >= 30")
            .pool("aes", List.of("ae-1", "ae-2"))
            .routeToPool("all", "aes", OptionalInt.empty(), "company.employees >= 1")
            .build();
    private static final OwnerRoster OWNERS = OwnerRoster.of(List.of(OwnerState.available("ae-1"),
            OwnerState.available("ae-2")));

    private final RuleFixtureRunner runner = new RuleFixtureRunner();

    private static FixtureExpectation expect(Optional<LifecycleStage> stage, Optional<String> owner,
            OptionalInt fit) {
        return new FixtureExpectation(stage, owner, Optional.empty(), fit, OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static RuleFixture fixture(FixtureExpectation expect, List<OwnerState> overrides) {
        return new RuleFixture("big-company", "test.yaml",
                aContext().withCompany("employees", Value.of(500)).build(), overrides, RoundRobinState.start(), expect);
    }

    @Test
    void a_fixture_whose_expectations_hold_passes() {
        FixtureResult result = runner.run(RULESET, OWNERS, fixture(
                expect(Optional.of(LifecycleStage.MQL), Optional.of("ae-1"), OptionalInt.of(40)), List.of()));

        assertThat(result.passed()).isTrue();
    }

    @Test
    void every_unmet_expectation_is_listed_with_expected_and_actual() {
        FixtureResult result = runner.run(RULESET, OWNERS, fixture(
                expect(Optional.of(LifecycleStage.SQL), Optional.of("ae-2"), OptionalInt.of(10)), List.of()));

        assertThat(result.mismatches()).containsExactly(
                new FixtureResult.Mismatch("stage", "sql", "mql"),
                new FixtureResult.Mismatch("owner", "ae-2", "ae-1"),
                new FixtureResult.Mismatch("score.fit", "10", "40"));
    }

    @Test
    void owner_overrides_apply_to_their_fixture_only() {
        RuleFixture away = fixture(expect(Optional.empty(), Optional.of("ae-2"), OptionalInt.empty()),
                List.of(new OwnerState("ae-1", true, true, 0)));
        RuleFixture normal = fixture(expect(Optional.empty(), Optional.of("ae-1"), OptionalInt.empty()), List.of());

        FixtureReport report = runner.run(RULESET, OWNERS, List.of(away, normal));

        assertThat(report.allPassed()).as(report.render()).isTrue();
    }

    @Test
    void the_report_counts_and_renders_failures() {
        FixtureReport report = runner.run(RULESET, OWNERS, List.of(fixture(
                expect(Optional.of(LifecycleStage.SQL), Optional.empty(), OptionalInt.empty()), List.of())));

        assertThat(report.failedCount()).isEqualTo(1);
        assertThat(report.render()).contains("FAIL big-company  (test.yaml)")
                .contains("lead -> mql by mql: score.fit >= 30 = true {score.fit=40}")
                .endsWith("1 fixtures, 0 passed, 1 failed\n");
    }
}
