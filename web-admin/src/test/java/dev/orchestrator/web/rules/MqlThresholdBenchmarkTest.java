package dev.orchestrator.web.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.seed.SeedData;
import dev.orchestrator.application.service.DryRunRulesetService;
import dev.orchestrator.web.boot.SandboxHistories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MqlThresholdBenchmarkTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private final SeedData seed = SandboxHistories.seedData(SandboxHistories.SEED, 2_000, AS_OF);
    private final MqlThresholdBenchmark benchmark = new MqlThresholdBenchmark(new DryRunRulesetService(),
            new RulesetYamlParser());
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private MqlThresholdBenchmark.Result run(int from, int to) {
        return benchmark.run(ShippedRules.defaultRulesetBytes(), seed, ShippedRules.sandboxOwners(), AS_OF, from, to,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Test
    void a_stricter_mql_threshold_changes_as_many_stages_as_the_direct_count_says_cell_for_cell() {
        MqlThresholdBenchmark.Result result = run(30, 40);

        assertThat(result.direct().changedStage()).isPositive();
        assertThat(result.report().changed().stage()).isEqualTo(result.direct().changedStage());
        assertThat(result.matches()).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("MATCH", "2,000 seeded contacts");
    }

    @Test
    void a_looser_mql_threshold_matches_the_direct_count_too() {
        MqlThresholdBenchmark.Result result = run(30, 20);

        assertThat(result.direct().changedStage()).isPositive();
        assertThat(result.matches()).isTrue();
    }

    @Test
    void the_direct_count_for_another_threshold_disagrees_with_the_dry_run() {
        MqlThresholdBenchmark.Result result = run(30, 40);

        MqlThresholdCount.Counts other = MqlThresholdCount.count(seed, AS_OF, 30, 50);

        assertThat(other.changedStage()).isNotEqualTo(result.report().changed().stage());
    }

    @Test
    void a_threshold_the_ruleset_does_not_use_is_refused() {
        assertThatThrownBy(() -> MqlThresholdBenchmark.withMqlThreshold(ShippedRules.defaultRulesetBytes(), 33, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score.fit >= 33");
    }
}
