package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.ConditionResult;
import dev.orchestrator.domain.rules.RulesetVersion;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The impact of a proposed ruleset: how many records change stage, owner or score, the matrix of final stages
 * (active × proposed, every record counted once), and per changed record both outcomes with their decision
 * traces and the first rule and condition where they part.
 */
public record DryRunReport(
        RulesetVersion activeVersion,
        RulesetVersion proposedVersion,
        int records,
        Changed changed,
        Map<LifecycleStage, Map<LifecycleStage, Integer>> stageMatrix,
        List<Row> rows,
        int rowsOmitted) {

    public DryRunReport {
        Require.present("activeVersion", activeVersion);
        Require.present("proposedVersion", proposedVersion);
        Require.present("changed", changed);
        Map<LifecycleStage, Map<LifecycleStage, Integer>> matrix = new EnumMap<>(LifecycleStage.class);
        Require.present("stageMatrix", stageMatrix).forEach((from, row) -> matrix.put(from,
                Collections.unmodifiableMap(new EnumMap<>(row))));
        stageMatrix = Collections.unmodifiableMap(matrix);
        rows = List.copyOf(Require.present("rows", rows));
    }

    /** How many records, out of {@code records}, end with a different stage, owner, or score. */
    public record Changed(int stage, int owner, int score) {
    }

    public record Row(String recordId, Outcome active, Outcome proposed, boolean stageChanged, boolean ownerChanged,
            boolean scoreChanged, Optional<FirstDifference> firstDifference) {
        public Row {
            Require.notBlank("recordId", recordId);
            Require.present("active", active);
            Require.present("proposed", proposed);
            Require.present("firstDifference", firstDifference);
        }
    }

    /** Where a record ends under one ruleset; {@code owner} is an owner id, {@code queue:NAME}, or {@code (none)}. */
    public record Outcome(LifecycleStage stage, String owner, int fit, int behavior, List<Step> trace) {
        public Outcome {
            Require.present("stage", stage);
            Require.notBlank("owner", owner);
            trace = List.copyOf(Require.present("trace", trace));
        }
    }

    public enum StepKind { SCORE, TRANSITION, ROUTING }

    /** One decision in a replay: a scoring rule's points, a transition, or a routing outcome, with its evidence. */
    public record Step(Instant at, StepKind kind, String ruleId, String outcome, String detail,
            List<ConditionResult> conditions) {
        public Step {
            Require.present("at", at);
            Require.present("kind", kind);
            Require.notBlank("ruleId", ruleId);
            Require.notBlank("outcome", outcome);
            Require.present("detail", detail);
            conditions = List.copyOf(Require.present("conditions", conditions));
        }
    }

    /**
     * The first step at which the two traces part, both sides of it (a side is empty when its trace has no step
     * there), the rule it belongs to, and the first condition whose result or read values differ, if any.
     */
    public record FirstDifference(int stepIndex, String ruleId, Optional<String> condition, Optional<Step> active,
            Optional<Step> proposed) {
        public FirstDifference {
            Require.notBlank("ruleId", ruleId);
            Require.present("condition", condition);
            Require.present("active", active);
            Require.present("proposed", proposed);
        }
    }
}
