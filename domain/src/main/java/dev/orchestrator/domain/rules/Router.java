package dev.orchestrator.domain.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Routing: the first rule whose conditions hold decides. A pool assignment takes turns over the pool's owners,
 * skipping inactive, out-of-office and capped ones, overflows along the pools' {@code overflow} chain, and ends
 * in the fallback queue when nobody can take the lead. Every owner looked at is a candidate with a reason.
 */
public final class Router {
    static final String ACCOUNT_POOL = "account";

    private Router() {
    }

    public record Outcome(RoutingDecision decision, RoundRobinState rotation) {
    }

    public static Outcome route(Ruleset ruleset, EvaluationContext context, OwnerRoster roster,
            RoundRobinState rotation) {
        return route(ruleset, context, roster, rotation, Map.of());
    }

    /**
     * Routes the record again without its current owner, who missed the SLA: the "reassign to the next owner
     * in the pool" of an SLA rule. The current owner appears among the candidates as {@code excluded}.
     */
    public static Outcome reassign(Ruleset ruleset, EvaluationContext context, OwnerRoster roster,
            RoundRobinState rotation, SlaRule.SlaBreach breach) {
        String current = context.owner().map(OwnerState::id).orElseThrow(
                () -> new IllegalArgumentException("a record without an owner cannot be reassigned"));
        return route(ruleset, context.withOwner(java.util.Optional.empty()), roster, rotation,
                Map.of(current, "missed SLA " + breach.ruleId() + " (" + breach.elapsed().toMinutes()
                        + " business minutes, allowed " + breach.allowed().toMinutes() + ")"));
    }

    /** {@code excluded}: owners that may not take this lead, with the reason shown for each. */
    public static Outcome route(Ruleset ruleset, EvaluationContext context, OwnerRoster roster,
            RoundRobinState rotation, Map<String, String> excluded) {
        List<RoutingCandidate> lost = new ArrayList<>();
        List<SkippedRule> skipped = new ArrayList<>();
        for (RoutingRule rule : ruleset.routing()) {
            ConditionSet.Outcome outcome = rule.when().evaluate(context);
            if (!outcome.matched()) {
                skipped.add(new SkippedRule(rule.id(), outcome.conditions()));
                continue;
            }
            Assignment assignment = rule.assign();
            if (assignment instanceof Assignment.ToQueue toQueue) {
                return new Outcome(new RoutingDecision(rule.id(), new RoutingTarget.Queue(toQueue.queue()),
                        outcome.conditions(), lost, skipped, "rule " + rule.id() + " sends the lead to queue "
                        + toQueue.queue()), rotation);
            }
            if (assignment instanceof Assignment.ToAccountOwner) {
                Optional<Outcome> accountOwner = accountOwner(rule, outcome, context, roster, excluded, lost,
                        skipped, rotation);
                if (accountOwner.isPresent()) {
                    return accountOwner.get();
                }
                skipped.add(new SkippedRule(rule.id(), outcome.conditions()));
                continue;
            }
            return pool(ruleset, rule, (Assignment.ToPool) assignment, outcome, roster, excluded, rotation, lost,
                    skipped);
        }
        return new Outcome(new RoutingDecision(RoutingDecision.NO_RULE,
                new RoutingTarget.Queue(ruleset.fallbackQueue()), List.of(), lost, skipped,
                "no routing rule matched; fallback queue " + ruleset.fallbackQueue()), rotation);
    }

    private static Optional<Outcome> accountOwner(RoutingRule rule, ConditionSet.Outcome outcome,
            EvaluationContext context, OwnerRoster roster, Map<String, String> excluded, List<RoutingCandidate> lost,
            List<SkippedRule> skipped, RoundRobinState rotation) {
        Value ownerId = context.company().getOrDefault("owner_id", Value.MISSING);
        if (ownerId instanceof Value.Missing || ownerId.display().isBlank()) {
            return Optional.empty();
        }
        String id = ownerId.display();
        Optional<RoutingCandidate> refusal = refusal(id, ACCOUNT_POOL, roster, OptionalInt.empty(), excluded);
        if (refusal.isPresent()) {
            lost.add(refusal.get());
            return Optional.empty();
        }
        List<RoutingCandidate> candidates = new ArrayList<>(lost);
        candidates.add(new RoutingCandidate(id, ACCOUNT_POOL, CandidateOutcome.ASSIGNED,
                "owns the contact's company"));
        return Optional.of(new Outcome(new RoutingDecision(rule.id(), new RoutingTarget.Owner(id, ACCOUNT_POOL),
                outcome.conditions(), candidates, skipped, "rule " + rule.id() + " gives the lead to the account owner "
                + id),
                rotation));
    }

    private static Outcome pool(Ruleset ruleset, RoutingRule rule, Assignment.ToPool assignment,
            ConditionSet.Outcome outcome, OwnerRoster roster, Map<String, String> excluded, RoundRobinState rotation,
            List<RoutingCandidate> lost, List<SkippedRule> skipped) {
        List<RoutingCandidate> candidates = new ArrayList<>(lost);
        Set<String> tried = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        Optional<String> poolName = Optional.of(assignment.pool());
        while (poolName.isPresent() && tried.add(poolName.get())) {
            Pool pool = ruleset.pools().get(poolName.get());
            if (pool == null) {
                notes.add("pool " + poolName.get() + " is not defined");
                break;
            }
            OptionalInt cap = assignment.capOpenLeads().isPresent() ? assignment.capOpenLeads() : pool.capOpenLeads();
            Optional<Integer> chosen = select(pool, assignment.strategy(), cap, roster, excluded, rotation,
                    candidates);
            if (chosen.isPresent()) {
                String owner = pool.owners().get(chosen.get());
                String via = tried.size() > 1 ? " (overflow from " + assignment.pool() + ")" : "";
                return new Outcome(new RoutingDecision(rule.id(), new RoutingTarget.Owner(owner, pool.name()),
                        outcome.conditions(), candidates, skipped, "rule " + rule.id() + " assigns " + owner + " from pool "
                        + pool.name() + " by " + assignment.strategy().key() + via),
                        rotation.advance(pool.name(), (chosen.get() + 1) % pool.owners().size()));
            }
            notes.add("nobody in pool " + pool.name() + " can take the lead");
            poolName = pool.overflow();
        }
        String queue = Optional.ofNullable(ruleset.pools().get(assignment.pool()))
                .flatMap(Pool::fallbackQueue).orElse(ruleset.fallbackQueue());
        return new Outcome(new RoutingDecision(rule.id(), new RoutingTarget.Queue(queue), outcome.conditions(),
                candidates, skipped, String.join("; ", notes) + "; fallback queue " + queue), rotation);
    }

    /** Looks at every owner in turn order from the cursor; returns the chosen index, recording each candidate. */
    private static Optional<Integer> select(Pool pool, Assignment.Strategy strategy, OptionalInt cap,
            OwnerRoster roster, Map<String, String> excluded, RoundRobinState rotation,
            List<RoutingCandidate> candidates) {
        int size = pool.owners().size();
        if (size == 0) {
            return Optional.empty();
        }
        int start = rotation.cursor(pool.name()) % size;
        List<Integer> eligible = new ArrayList<>();
        RoutingCandidate[] slots = new RoutingCandidate[size];
        for (int step = 0; step < size; step++) {
            int index = (start + step) % size;
            String owner = pool.owners().get(index);
            Optional<RoutingCandidate> refusal = refusal(owner, pool.name(), roster, cap, excluded);
            if (refusal.isPresent()) {
                slots[step] = refusal.get();
            } else {
                eligible.add(index);
            }
        }
        if (eligible.isEmpty()) {
            for (RoutingCandidate slot : slots) {
                candidates.add(slot);
            }
            return Optional.empty();
        }
        int chosen = eligible.get(0);
        if (strategy == Assignment.Strategy.LEAST_OPEN_LEADS) {
            for (int index : eligible) {
                if (openLeads(pool.owners().get(index), roster) < openLeads(pool.owners().get(chosen), roster)) {
                    chosen = index;
                }
            }
        }
        String winner = pool.owners().get(chosen);
        for (int step = 0; step < size; step++) {
            int index = (start + step) % size;
            if (slots[step] != null) {
                candidates.add(slots[step]);
            } else if (index == chosen) {
                candidates.add(new RoutingCandidate(winner, pool.name(), CandidateOutcome.ASSIGNED,
                        strategy == Assignment.Strategy.ROUND_ROBIN ? "next in turn and available"
                                : "fewest open leads (" + openLeads(winner, roster) + ")"));
            } else {
                String owner = pool.owners().get(index);
                candidates.add(new RoutingCandidate(owner, pool.name(), CandidateOutcome.NOT_THEIR_TURN,
                        strategy == Assignment.Strategy.ROUND_ROBIN ? "available, but the turn went to " + winner
                                : "available with " + openLeads(owner, roster) + " open leads; " + winner + " has "
                                + openLeads(winner, roster)));
            }
        }
        return Optional.of(chosen);
    }

    private static int openLeads(String owner, OwnerRoster roster) {
        return roster.find(owner).map(OwnerState::openLeads).orElse(0);
    }

    private static Optional<RoutingCandidate> refusal(String owner, String pool, OwnerRoster roster, OptionalInt cap,
            Map<String, String> excluded) {
        if (excluded.containsKey(owner)) {
            return Optional.of(new RoutingCandidate(owner, pool, CandidateOutcome.EXCLUDED, excluded.get(owner)));
        }
        Optional<OwnerState> state = roster.find(owner);
        if (state.isEmpty()) {
            return Optional.of(new RoutingCandidate(owner, pool, CandidateOutcome.UNKNOWN_OWNER,
                    "not in the owner directory"));
        }
        if (!state.get().active()) {
            return Optional.of(new RoutingCandidate(owner, pool, CandidateOutcome.INACTIVE, "inactive"));
        }
        if (state.get().outOfOffice()) {
            return Optional.of(new RoutingCandidate(owner, pool, CandidateOutcome.OUT_OF_OFFICE, "out of office"));
        }
        if (cap.isPresent() && state.get().openLeads() >= cap.getAsInt()) {
            return Optional.of(new RoutingCandidate(owner, pool, CandidateOutcome.CAPPED,
                    state.get().openLeads() + " open leads, cap " + cap.getAsInt()));
        }
        return Optional.empty();
    }
}
