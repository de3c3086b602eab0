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
import dev.orchestrator.domain.rules.Router;
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
    private RoundRobinState rotation;

    public RulesetReplay(Ruleset ruleset, OwnerRoster owners) {
        this(ruleset, new State(owners, RoundRobinState.start()));
    }

    /** A replay that continues from a saved state, e.g. to trace one record again exactly as it went. */
    public RulesetReplay(Ruleset ruleset, State state) {
        this.ruleset = ruleset;
        this.roster = state.roster();
        this.rotation = state.rotation();
    }

    /** What the replay carries from record to record: the owners' open-lead counts and the round-robin turns. */
    public record State(OwnerRoster roster, RoundRobinState rotation) {
    }

    public State state() {
        return new State(roster, rotation);
    }

    /**
     * Replays one record up to {@code asOf}; call in population order. The record starts with its initial owner
     * (if any) and is routed when it first appears without one, and again whenever its stage changes while it
     * has no owner.
     */
    public DryRunReport.Outcome replay(RecordHistory history, Instant asOf) {
        return replay(history, asOf, true);
    }

    /** As above; without {@code traced} the outcome's trace is empty, which keeps a large replay light. */
    public DryRunReport.Outcome replay(RecordHistory history, Instant asOf, boolean traced) {
        LifecycleStage stage = history.initialStage();
        Optional<OwnerState> owner = history.initialOwnerId()
                .map(id -> roster.find(id).orElseGet(() -> OwnerState.available(id)));
        String assigned = owner.map(OwnerState::id).orElse(NO_OWNER);
        List<DryRunReport.Step> decisions = new ArrayList<>();
        Evaluation last = null;
        EvaluationContext base = new EvaluationContext(history.record(), history.company(), history.deal(),
                history.signals(), stage, 0, 0, Optional.empty(), Optional.empty(), history.createdAt());
        for (Instant at : evaluationPoints(history, asOf)) {
            EvaluationContext context = base.withStage(stage).withOwner(owner).at(at);
            last = RulesEngine.evaluate(ruleset, context, roster, rotation, false);
            for (LifecycleTransition transition : traced ? last.transitions() : List.<LifecycleTransition>of()) {
                decisions.add(new DryRunReport.Step(at, DryRunReport.StepKind.TRANSITION, transition.ruleId(),
                        transition.from().key() + " -> " + transition.to().key(), transition.reason().orElse(""),
                        transition.conditions()));
            }
            // an unowned record is routed when it first appears and again whenever its stage changes (a queued
            // lead that turns into an SQL deserves a fresh look); re-routing it at every signal would only
            // repeat the queue decision
            boolean route = owner.isEmpty() && (assigned.equals(NO_OWNER) || last.stage() != stage);
            stage = last.stage();
            if (route) {
                Router.Outcome routed = Router.route(ruleset, RulesEngine.settled(context, last), roster, rotation);
                RoutingDecision routing = routed.decision();
                rotation = routed.rotation();
                String target = routing.target().label();
                if (!target.equals(assigned) && traced) {
                    decisions.add(new DryRunReport.Step(at, DryRunReport.StepKind.ROUTING, routing.ruleId(), target,
                            routing.reason(), routing.conditions()));
                }
                assigned = target;
                if (routing.target() instanceof RoutingTarget.Owner chosen) {
                    OwnerState state = roster.find(chosen.ownerId()).orElseGet(() -> OwnerState.available(
                            chosen.ownerId()));
                    roster = roster.with(state.withOpenLeads(state.openLeads() + 1));
                    owner = Optional.of(state);
                }
            }
        }
        List<DryRunReport.Step> trace = new ArrayList<>();
        for (ScoreContribution contribution : traced ? last.score().contributions() : List.<ScoreContribution>of()) {
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
