package dev.orchestrator.web.rules;

import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.DryRunReport;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.rules.SyntheticHistories;
import dev.orchestrator.application.port.in.DryRunRulesetUseCase;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesEngine;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the rules engine on a synthetic population, no I/O: {@link #evaluations} runs scoring, lifecycle
 * and routing once per record, split over {@code threads} (each slice with its own round-robin state);
 * {@link #dryRun} times a full dry run (both replays side by side), cold and warm. Prints what it measured and returns it.
 */
public final class RulesBenchmark {
    public static final Instant AS_OF = Instant.parse("2026-11-20T10:00:00Z");
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** {@code cpuNanos} is the CPU time the worker threads used: on a shared machine it shows the engine's cost. */
    public record Result(int records, int evaluations, long nanos, long cpuNanos) {
        public double perSecond() {
            return evaluations / (nanos / 1e9);
        }

        public double perCpuSecond() {
            return evaluations / (cpuNanos / 1e9);
        }
    }

    public Result evaluations(Ruleset ruleset, OwnerRoster owners, int records, long seed, int threads,
            PrintStream out) {
        List<EvaluationContext> contexts = new ArrayList<>(records);
        for (RecordHistory history : SyntheticHistories.generate(seed, records, AS_OF)) {
            contexts.add(new EvaluationContext(history.record(), history.company(), history.deal(),
                    history.signals(), history.initialStage(), 0, 0, Optional.empty(), Optional.empty(), AS_OF));
        }
        // two warm-up passes let the JIT compile the evaluator; the median of three timed passes is reported
        runSlices(ruleset, owners, contexts, threads, new AtomicLong());
        runSlices(ruleset, owners, contexts, threads, new AtomicLong());
        List<Result> rounds = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            AtomicLong cpu = new AtomicLong();
            long start = System.nanoTime();
            int evaluated = runSlices(ruleset, owners, contexts, threads, cpu);
            rounds.add(new Result(records, evaluated, System.nanoTime() - start, cpu.get()));
        }
        rounds.sort(java.util.Comparator.comparingLong(Result::nanos));
        Result result = rounds.get(1);
        out.printf("rules bench: %,d records, %,d evaluations (scoring + lifecycle + routing) on %d thread(s) in %.0f ms"
                + " (median of 3) = %,.0f evaluations/s; %,.0f evaluations per CPU-second%n", records,
                result.evaluations(), threads, result.nanos() / 1e6, result.perSecond(), result.perCpuSecond());
        return result;
    }

    /** {@code service}: the dry-run use case as the composition root built it (e.g. over a two-thread pool). */
    public DryRunReport dryRun(DryRunRulesetUseCase service, Ruleset active, Ruleset proposed, OwnerRoster owners,
            int records, long seed, PrintStream out) {
        List<RecordHistory> histories = SyntheticHistories.generate(seed, records, AS_OF);
        DryRunQuery query = new DryRunQuery(active, proposed, histories, owners, AS_OF, 100);
        long coldStart = System.nanoTime();
        service.dryRun(query);
        long cold = System.nanoTime() - coldStart;
        long start = System.nanoTime();
        DryRunReport report = service.dryRun(query);
        long nanos = System.nanoTime() - start;
        out.printf("rules dry-run bench: %,d records replayed under 2 rulesets in %.0f ms (first run, cold JIT: %.0f"
                + " ms); changed stage %d, owner %d, score %d%n", records, nanos / 1e6, cold / 1e6,
                report.changed().stage(), report.changed().owner(), report.changed().score());
        return report;
    }

    private static int runSlices(Ruleset ruleset, OwnerRoster owners, List<EvaluationContext> contexts, int threads,
            AtomicLong cpuNanos) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> slices = new ArrayList<>();
            int size = (contexts.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<EvaluationContext> slice = contexts.subList(Math.min(contexts.size(), t * size),
                        Math.min(contexts.size(), (t + 1) * size));
                slices.add(pool.submit(() -> {
                    long cpuStart = CPU.getCurrentThreadCpuTime();
                    RoundRobinState rotation = RoundRobinState.start();
                    int count = 0;
                    for (EvaluationContext context : slice) {
                        rotation = RulesEngine.evaluate(ruleset, context, owners, rotation).rotation();
                        count++;
                    }
                    cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpuStart);
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> slice : slices) {
                total += slice.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("benchmark failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
