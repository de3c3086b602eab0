package dev.orchestrator.web.rules;

import dev.orchestrator.application.port.in.DryRunReport;
import dev.orchestrator.domain.rules.ConditionResult;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.LifecycleTransition;
import dev.orchestrator.domain.rules.RoutingCandidate;
import dev.orchestrator.domain.rules.RoutingDecision;
import dev.orchestrator.domain.rules.RoutingTarget;
import dev.orchestrator.domain.rules.RulesetVersion;
import dev.orchestrator.domain.rules.ScoreContribution;
import dev.orchestrator.domain.rules.SkippedRule;
import dev.orchestrator.domain.rules.TriggeredAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the rules engine at the edge (DESIGN.md "External contract"), as plain maps and lists that
 * any Jackson {@code ObjectMapper} writes as is. Keys keep their order so the output reads top-down.
 */
public final class RulesJson {
    private RulesJson() {
    }

    /** {@code POST /api/rules/dry-run}: {activeVersion, proposedVersion, records, changed, stageMatrix, rows, rowsOmitted}. */
    public static Map<String, Object> dryRun(DryRunReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("activeVersion", report.activeVersion().hash());
        json.put("proposedVersion", report.proposedVersion().hash());
        json.put("records", report.records());
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("stage", report.changed().stage());
        changed.put("owner", report.changed().owner());
        changed.put("score", report.changed().score());
        json.put("changed", changed);
        Map<String, Object> matrix = new LinkedHashMap<>();
        report.stageMatrix().forEach((from, row) -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            row.forEach((to, count) -> counts.put(to.key(), count));
            matrix.put(from.key(), counts);
        });
        json.put("stageMatrix", matrix);
        List<Object> rows = new ArrayList<>();
        for (DryRunReport.Row row : report.rows()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("recordId", row.recordId());
            List<String> changes = new ArrayList<>();
            if (row.stageChanged()) {
                changes.add("stage");
            }
            if (row.ownerChanged()) {
                changes.add("owner");
            }
            if (row.scoreChanged()) {
                changes.add("score");
            }
            item.put("changes", changes);
            item.put("active", outcome(row.active()));
            item.put("proposed", outcome(row.proposed()));
            item.put("firstDifference", row.firstDifference().map(difference -> {
                Map<String, Object> first = new LinkedHashMap<>();
                first.put("step", difference.stepIndex());
                first.put("ruleId", difference.ruleId());
                first.put("condition", difference.condition().orElse(null));
                first.put("active", difference.active().map(RulesJson::step).orElse(null));
                first.put("proposed", difference.proposed().map(RulesJson::step).orElse(null));
                return (Object) first;
            }).orElse(null));
            rows.add(item);
        }
        json.put("rows", rows);
        json.put("rowsOmitted", report.rowsOmitted());
        return json;
    }

    private static Map<String, Object> outcome(DryRunReport.Outcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stage", outcome.stage().key());
        json.put("owner", outcome.owner());
        json.put("score", Map.of("fit", outcome.fit(), "behavior", outcome.behavior()));
        json.put("trace", outcome.trace().stream().map(RulesJson::step).toList());
        return json;
    }

    private static Map<String, Object> step(DryRunReport.Step step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", step.at().toString());
        json.put("kind", step.kind().name().toLowerCase(java.util.Locale.ROOT));
        json.put("ruleId", step.ruleId());
        json.put("outcome", step.outcome());
        json.put("detail", step.detail());
        json.put("conditions", conditions(step.conditions()));
        return json;
    }

    /** A whole evaluation: scores with every rule's part, transitions, routing with candidates, actions. */
    public static Map<String, Object> evaluation(Evaluation evaluation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rulesetVersion", evaluation.rulesetVersion().hash());
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("fit", evaluation.score().fit());
        score.put("behavior", evaluation.score().behavior());
        score.put("total", evaluation.score().total());
        List<Object> contributions = new ArrayList<>();
        for (ScoreContribution contribution : evaluation.score().contributions()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ruleId", contribution.ruleId());
            item.put("kind", contribution.kind().key());
            item.put("points", contribution.points());
            item.put("conditions", conditions(contribution.conditions()));
            contributions.add(item);
        }
        score.put("contributions", contributions);
        json.put("score", score);
        json.put("stage", evaluation.stage().key());
        json.put("transitions", evaluation.transitions().stream()
                .map(transition -> transition(transition, evaluation.rulesetVersion())).toList());
        json.put("routing", evaluation.routing().map(routing -> routing(routing, evaluation.rulesetVersion()))
                .orElse(null));
        List<Object> actions = new ArrayList<>();
        for (TriggeredAction action : evaluation.actions()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("actionRuleId", action.actionRuleId());
            item.put("transitionRuleId", action.transitionRuleId());
            item.put("type", action.action().type());
            item.put("target", action.action().target());
            item.put("params", action.action().params());
            item.put("conditions", conditions(action.conditions()));
            actions.add(item);
        }
        json.put("actions", actions);
        return json;
    }

    /** The "why" of a stage ({@code GET /api/contacts/{id}/why?stage=}); the caller adds {@code sourceEventId}. */
    public static Map<String, Object> transition(LifecycleTransition transition, RulesetVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ruleId", transition.ruleId());
        json.put("rulesetVersion", version.hash());
        json.put("at", transition.at().toString());
        json.put("from", transition.from().key());
        json.put("to", transition.to().key());
        json.put("reason", transition.reason().orElse(null));
        json.put("conditions", conditions(transition.conditions()));
        return json;
    }

    /** The "why" of an owner ({@code GET /api/contacts/{id}/why?owner}): the same shape plus the candidates. */
    public static Map<String, Object> routing(RoutingDecision routing, RulesetVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ruleId", routing.ruleId());
        json.put("rulesetVersion", version.hash());
        if (routing.target() instanceof RoutingTarget.Owner owner) {
            json.put("owner", owner.ownerId());
            json.put("pool", owner.pool());
        } else {
            json.put("queue", ((RoutingTarget.Queue) routing.target()).queue());
        }
        json.put("reason", routing.reason());
        json.put("conditions", conditions(routing.conditions()));
        List<Object> candidates = new ArrayList<>();
        for (RoutingCandidate candidate : routing.candidates()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("owner", candidate.owner());
            item.put("pool", candidate.pool());
            item.put("outcome", candidate.outcome().key());
            item.put("reason", candidate.reason());
            candidates.add(item);
        }
        json.put("candidates", candidates);
        json.put("skipped", skipped(routing.skipped()));
        return json;
    }

    /** Rules considered before the decisive one, each with the conditions that did not hold. */
    public static List<Object> skipped(List<SkippedRule> skipped) {
        List<Object> json = new ArrayList<>(skipped.size());
        for (SkippedRule rule : skipped) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ruleId", rule.ruleId());
            item.put("conditions", conditions(rule.conditions()));
            json.add(item);
        }
        return json;
    }

    public static List<Object> conditions(List<ConditionResult> conditions) {
        List<Object> json = new ArrayList<>(conditions.size());
        for (ConditionResult condition : conditions) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("expr", condition.expr());
            item.put("result", condition.result());
            item.put("values", new LinkedHashMap<>(condition.values()));
            json.add(item);
        }
        return json;
    }

    /** A refused ruleset as {@code application/problem+json} (status 422) with the line and column. */
    public static Map<String, Object> problem(RulesetSyntaxError error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "/problems/invalid-ruleset");
        json.put("title", "The ruleset file cannot be used");
        json.put("status", 422);
        json.put("detail", error.getMessage());
        json.put("line", error.line());
        json.put("column", error.column());
        json.put("errors", List.of(Map.of("field", "line " + error.line() + ", column " + error.column(),
                "message", error.problem())));
        return json;
    }
}
