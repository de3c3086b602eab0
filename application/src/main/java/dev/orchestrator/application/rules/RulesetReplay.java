package dev.orchestrator.application.rules;

import dev.orchestrator.application.port.in.DryRunReport;
import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.LifecycleTransition;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.rules.RoutingDecision;
import dev.orchestrator.domain.rules.RoutingTarget;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.rules.RulesEngine;
import dev.orchestrator.domain.rules.ScoreContribution;
import dev.orchestrator.domain.rules.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Replays a population of record histories under one ruleset, in order, carrying the round-robin turns and the
 * owners' open-lead counts from record to record as live traffic would. Deterministic: the same ruleset, records
 * and owners always give the same outcomes.
 */
public final class RulesetReplay {
    private static final String NO_OWNER = "(none)";

    private final Ruleset ruleset;
    private OwnerRoster roster;
    private RoundRobinState rotation = RoundRobinState.start();

    public RulesetReplay(Ruleset ruleset, OwnerRoster owners) {
        this.ruleset = ruleset;
        this.roster = owners;
    }

    /** Replays one record up to {@code asOf}; call in population order. */
    public DryRunReport.Outcome replay(RecordHistory history, Instant asOf) {
        LifecycleStage stage = history.initialStage();
        Optional<OwnerState> owner = history.initialOwnerId()
                .map(id -> roster.find(id).orElseGet(() -> OwnerState.available(id)));
        String assigned = owner.map(OwnerState::id).orElse(NO_OWNER);
        List<DryRunReport.Step> decisions = new ArrayList<>();
        Evaluation last = null;
        for (Instant at : evaluationPoints(history, asOf)) {
            EvaluationContext context = new EvaluationContext(history.record(), history.company(), history.deal(),
                    history.signals(), stage, 0, 0, owner, Optional.empty(), at);
            last = RulesEngine.evaluate(ruleset, context, roster, rotation);
            for (LifecycleTransition transition : last.transitions()) {
                decisions.add(new DryRunReport.Step(at, DryRunReport.StepKind.TRANSITION, transition.ruleId(),
                        transition.from().key() + " -> " + transition.to().key(), transition.reason().orElse(""),
                        transition.conditions()));
            }
            stage = last.stage();
            if (last.routing().isPresent()) {
                RoutingDecision routing = last.routing().get();
                rotation = last.rotation();
                String target = routing.target().label();
                if (!target.equals(assigned)) {
                    decisions.add(new DryRunReport.Step(at, DryRunReport.StepKind.ROUTING, routing.ruleId(), target,
                            routing.reason(), routing.conditions()));
                    assigned = target;
                }
                if (routing.target() instanceof RoutingTarget.Owner chosen) {
                    OwnerState state = roster.find(chosen.ownerId()).orElseGet(() -> OwnerState.available(
                            chosen.ownerId()));
                    roster = roster.with(state.withOpenLeads(state.openLeads() + 1));
                    owner = Optional.of(state);
                }
            }
        }
        List<DryRunReport.Step> trace = new ArrayList<>();
        for (ScoreContribution contribution : last.score().contributions()) {
            trace.add(new DryRunReport.Step(asOf, DryRunReport.StepKind.SCORE, contribution.ruleId(),
                    contribution.kind().key() + " +" + contribution.points(), "", contribution.conditions()));
        }
        trace.addAll(decisions);
        return new DryRunReport.Outcome(stage, assigned, last.score().fit(), last.score().behavior(), trace);
    }

    /** When the record was created, at each of its signals, and at {@code asOf}; nothing after {@code asOf}. */
    static List<Instant> evaluationPoints(RecordHistory history, Instant asOf) {
        TreeSet<Instant> points = new TreeSet<>();
        if (!history.createdAt().isAfter(asOf)) {
            points.add(history.createdAt());
        }
        for (Signal signal : history.signals()) {
            if (!signal.at().isBefore(history.createdAt()) && !signal.at().isAfter(asOf)) {
                points.add(signal.at());
            }
        }
        points.add(asOf);
        return new ArrayList<>(points);
    }
}
