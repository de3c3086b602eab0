package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.DryRunReport;
import dev.orchestrator.application.port.in.DryRunRulesetUseCase;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.rules.RulesetReplay;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.ConditionResult;
import dev.orchestrator.domain.rules.Ruleset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The dry run: two independent replays of the same population, compared record by record. Pure computation;
 * it needs no port because it writes nothing. The two replays share nothing, so they may run side by side on
 * the given executor; each is sequential in population order, so the result does not depend on it.
 */
public final class DryRunRulesetService implements DryRunRulesetUseCase {
    private final Executor executor;

    /** Replays one ruleset after the other on the calling thread. */
    public DryRunRulesetService() {
        this(Runnable::run);
    }

    /** Replays the active and the proposed ruleset at the same time on {@code executor} (two tasks). */
    public DryRunRulesetService(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public DryRunReport dryRun(DryRunQuery query) {
        CompletableFuture<Replayed> activeRun = CompletableFuture.supplyAsync(
                () -> replay(query.active(), query), executor);
        CompletableFuture<Replayed> proposedRun = CompletableFuture.supplyAsync(
                () -> replay(query.proposed(), query), executor);
        Replayed actives = join(activeRun);
        Replayed proposals = join(proposedRun);
        Map<LifecycleStage, Map<LifecycleStage, Integer>> matrix = new EnumMap<>(LifecycleStage.class);
        List<DryRunReport.Row> rows = new ArrayList<>();
        int stageChanges = 0;
        int ownerChanges = 0;
        int scoreChanges = 0;
        int omitted = 0;
        for (int i = 0; i < query.records().size(); i++) {
            RecordHistory record = query.records().get(i);
            DryRunReport.Outcome before = actives.outcomes().get(i);
            DryRunReport.Outcome after = proposals.outcomes().get(i);
            matrix.computeIfAbsent(before.stage(), stage -> new EnumMap<>(LifecycleStage.class))
                    .merge(after.stage(), 1, Integer::sum);
            boolean stage = before.stage() != after.stage();
            boolean owner = !before.owner().equals(after.owner());
            boolean score = before.fit() != after.fit() || before.behavior() != after.behavior();
            stageChanges += stage ? 1 : 0;
            ownerChanges += owner ? 1 : 0;
            scoreChanges += score ? 1 : 0;
            if (!stage && !owner && !score) {
                continue;
            }
            if (rows.size() < query.rowLimit()) {
                // replay the record again, from the state it met, this time keeping every decision
                DryRunReport.Outcome tracedBefore = new RulesetReplay(query.active(), actives.states().get(i))
                        .replay(record, query.asOf(), true);
                DryRunReport.Outcome tracedAfter = new RulesetReplay(query.proposed(), proposals.states().get(i))
                        .replay(record, query.asOf(), true);
                rows.add(new DryRunReport.Row(record.recordId(), tracedBefore, tracedAfter, stage, owner, score,
                        firstDifference(tracedBefore.trace(), tracedAfter.trace())));
            } else {
                omitted++;
            }
        }
        return new DryRunReport(query.active().version(), query.proposed().version(), query.records().size(),
                new DryRunReport.Changed(stageChanges, ownerChanges, scoreChanges), matrix, rows, omitted);
    }

    /** Each record's outcome (without trace) and the replay state it met, so a changed one can be traced again. */
    private record Replayed(List<DryRunReport.Outcome> outcomes, List<RulesetReplay.State> states) {
    }

    private static Replayed replay(Ruleset ruleset, DryRunQuery query) {
        RulesetReplay replay = new RulesetReplay(ruleset, query.owners());
        List<DryRunReport.Outcome> outcomes = new ArrayList<>(query.records().size());
        List<RulesetReplay.State> states = new ArrayList<>(query.records().size());
        for (RecordHistory record : query.records()) {
            states.add(replay.state());
            outcomes.add(replay.replay(record, query.asOf(), false));
        }
        return new Replayed(outcomes, states);
    }

    private static Replayed join(CompletableFuture<Replayed> run) {
        try {
            return run.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The first step where the traces part, and within it the first condition that reads or decides otherwise. */
    static Optional<DryRunReport.FirstDifference> firstDifference(List<DryRunReport.Step> active,
            List<DryRunReport.Step> proposed) {
        int length = Math.max(active.size(), proposed.size());
        for (int i = 0; i < length; i++) {
            Optional<DryRunReport.Step> left = i < active.size() ? Optional.of(active.get(i)) : Optional.empty();
            Optional<DryRunReport.Step> right = i < proposed.size() ? Optional.of(proposed.get(i)) : Optional.empty();
            if (left.isPresent() && right.isPresent() && left.get().equals(right.get())) {
                continue;
            }
            String ruleId = right.or(() -> left).map(DryRunReport.Step::ruleId).orElseThrow();
            List<ConditionResult> leftConditions = left.map(DryRunReport.Step::conditions).orElse(List.of());
            List<ConditionResult> rightConditions = right.map(DryRunReport.Step::conditions).orElse(List.of());
            return Optional.of(new DryRunReport.FirstDifference(i, ruleId,
                    firstCondition(leftConditions, rightConditions), left, right));
        }
        return Optional.empty();
    }

    private static Optional<String> firstCondition(List<ConditionResult> active, List<ConditionResult> proposed) {
        int length = Math.max(active.size(), proposed.size());
        for (int i = 0; i < length; i++) {
            if (i >= active.size()) {
                return Optional.of(proposed.get(i).expr());
            }
            if (i >= proposed.size()) {
                return Optional.of(active.get(i).expr());
            }
            if (!active.get(i).equals(proposed.get(i))) {
                return Optional.of(proposed.get(i).expr());
            }
        }
        return Optional.empty();
    }
}
