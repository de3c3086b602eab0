package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.DryRunQuery;
import dev.orchestrator.application.port.in.DryRunReport;
import dev.orchestrator.application.port.in.DryRunRulesetUseCase;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.rules.RulesetReplay;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.ConditionResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dry run: two independent replays of the same population, compared record by record. Pure computation;
 * it needs no port because it writes nothing.
 */
public final class DryRunRulesetService implements DryRunRulesetUseCase {

    @Override
    public DryRunReport dryRun(DryRunQuery query) {
        RulesetReplay active = new RulesetReplay(query.active(), query.owners());
        RulesetReplay proposed = new RulesetReplay(query.proposed(), query.owners());
        Map<LifecycleStage, Map<LifecycleStage, Integer>> matrix = new EnumMap<>(LifecycleStage.class);
        List<DryRunReport.Row> rows = new ArrayList<>();
        int stageChanges = 0;
        int ownerChanges = 0;
        int scoreChanges = 0;
        int omitted = 0;
        for (RecordHistory record : query.records()) {
            DryRunReport.Outcome before = active.replay(record, query.asOf());
            DryRunReport.Outcome after = proposed.replay(record, query.asOf());
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
                rows.add(new DryRunReport.Row(record.recordId(), before, after, stage, owner, score,
                        firstDifference(before.trace(), after.trace())));
            } else {
                omitted++;
            }
        }
        return new DryRunReport(query.active().version(), query.proposed().version(), query.records().size(),
                new DryRunReport.Changed(stageChanges, ownerChanges, scoreChanges), matrix, rows, omitted);
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
