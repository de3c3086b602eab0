package dev.orchestrator.web.rules;

import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.DryRunReport;
import dev.orchestrator.application.port.in.DryRunRulesetUseCase;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.seed.SeedData;
import dev.orchestrator.application.seed.SeedHistories;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.Ruleset;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rules bench-mql}: the seeded sandbox dry-run under the default ruleset with its MQL fit threshold moved
 * (every {@code score.fit >= FROM} becomes {@code score.fit >= TO}), timed, then held against
 * {@link MqlThresholdCount}, a direct count over the same seeded data that uses neither the parser nor the
 * evaluator. Prints both; the result says whether they agree record for record (the whole stage matrix).
 */
public final class MqlThresholdBenchmark {
    /** What was measured and whether the dry run and the direct count agree. */
    public record Result(int records, long nanos, long coldNanos, DryRunReport report, MqlThresholdCount.Counts direct,
            boolean matches) {
    }

    private final DryRunRulesetUseCase dryRuns;
    private final RulesetYamlParser parser;

    public MqlThresholdBenchmark(DryRunRulesetUseCase dryRuns, RulesetYamlParser parser) {
        this.dryRuns = dryRuns;
        this.parser = parser;
    }

    /** The default ruleset's file with every {@code score.fit >= from} turned into {@code score.fit >= to}. */
    public static byte[] withMqlThreshold(byte[] defaultFile, int from, int to) {
        String text = new String(defaultFile, StandardCharsets.UTF_8);
        String needle = "score.fit >= " + from;
        if (!text.contains(needle)) {
            throw new IllegalArgumentException("the ruleset has no '" + needle + "' to change");
        }
        return text.replace(needle, "score.fit >= " + to).getBytes(StandardCharsets.UTF_8);
    }

    public Result run(byte[] activeFile, SeedData data, OwnerRoster owners, Instant asOf, int from, int to,
            PrintStream out) {
        Ruleset active = parser.parse(activeFile);
        Ruleset proposed = parser.parse(withMqlThreshold(activeFile, from, to));
        List<RecordHistory> histories = SeedHistories.of(data);
        DryRunQuery query = new DryRunQuery(active, proposed, histories, owners, asOf, 20);
        long coldStart = System.nanoTime();
        dryRuns.dryRun(query);
        long cold = System.nanoTime() - coldStart;
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        DryRunReport report = dryRuns.dryRun(query);
        long nanos = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        MqlThresholdCount.Counts direct = MqlThresholdCount.count(data, asOf, from, to);
        boolean matches = report.changed().stage() == direct.changedStage()
                && dense(report.stageMatrix()).equals(dense(direct.matrix()))
                && report.records() == direct.records();
        out.printf("rules bench-mql: %,d seeded contacts (%,d companies, %,d deals, %,d signals), MQL threshold"
                + " score.fit >= %d -> >= %d%n", histories.size(), data.companies().size(), data.deals().size(),
                histories.stream().mapToInt(h -> h.signals().size()).sum(), from, to);
        out.printf("  dry run: %.0f ms wall, %.0f ms CPU (first run, cold JIT: %.0f ms); %,d change stage,"
                + " %,d change owner, %,d change score%n", nanos / 1e6, cpu / 1e6, cold / 1e6,
                report.changed().stage(), report.changed().owner(), report.changed().score());
        out.printf("  direct count (hand-written default rules over the seed, no rules engine): %,d change stage;"
                + " %,d contacts have a fit in [%d, %d) and an intent signal%n", direct.changedStage(),
                direct.crossing(), Math.min(from, to), Math.max(from, to));
        out.printf("  final stages, dry run (active -> proposed) vs direct count:%n");
        for (LifecycleStage stage : LifecycleStage.values()) {
            out.printf("    %-13s %,7d -> %,7d   direct %,7d -> %,7d%n", stage.key(), rowTotal(report.stageMatrix(),
                    stage), columnTotal(report.stageMatrix(), stage), rowTotal(direct.matrix(), stage),
                    columnTotal(direct.matrix(), stage));
        }
        out.println(matches ? "  MATCH: the dry run's stage matrix equals the direct count, cell for cell"
                : "  MISMATCH: the dry run and the direct count disagree");
        out.printf("  %s the 3 s target%n", nanos < 3_000_000_000L ? "within" : "OVER");
        return new Result(histories.size(), nanos, cold, report, direct, matches);
    }

    /** CPU time of the whole process: on a shared machine it shows the dry run's own cost beside the wall time. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static Map<LifecycleStage, Map<LifecycleStage, Integer>> dense(
            Map<LifecycleStage, Map<LifecycleStage, Integer>> matrix) {
        Map<LifecycleStage, Map<LifecycleStage, Integer>> dense = new EnumMap<>(LifecycleStage.class);
        matrix.forEach((from, row) -> row.forEach((to, n) -> {
            if (n != 0) {
                dense.computeIfAbsent(from, s -> new EnumMap<>(LifecycleStage.class)).put(to, n);
            }
        }));
        return dense;
    }

    private static int rowTotal(Map<LifecycleStage, Map<LifecycleStage, Integer>> matrix, LifecycleStage stage) {
        return matrix.getOrDefault(stage, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int columnTotal(Map<LifecycleStage, Map<LifecycleStage, Integer>> matrix, LifecycleStage stage) {
        return matrix.values().stream().mapToInt(row -> row.getOrDefault(stage, 0)).sum();
    }
}
