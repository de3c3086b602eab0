package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Rulesets built in code for domain tests; conditions are written in the rule language itself. */
public final class RulesetBuilder {
    public static final RulesetVersion VERSION = new RulesetVersion("a".repeat(64));

    private final List<ScoringRule> scoring = new ArrayList<>();
    private final List<LifecycleRule> lifecycle = new ArrayList<>();
    private final List<RoutingRule> routing = new ArrayList<>();
    private final List<ActionRule> actions = new ArrayList<>();
    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private RulesetVersion version = VERSION;
    private String fallbackQueue = Ruleset.DEFAULT_FALLBACK_QUEUE;
    private final List<SlaRule> sla = new ArrayList<>();

    private RulesetBuilder() {
    }

    public static RulesetBuilder aRuleset() {
        return new RulesetBuilder();
    }

    public static ConditionSet all(String... conditions) {
        return ConditionSet.allOf(Arrays.stream(conditions).map(ConditionParser::parse).toList());
    }

    public RulesetBuilder withVersion(RulesetVersion newVersion) {
        version = newVersion;
        return this;
    }

    public RulesetBuilder fit(String condition, int points) {
        scoring.add(new ScoringRule("fit-" + (scoring.size() + 1), ScoreKind.FIT, all(condition), points));
        return this;
    }

    public RulesetBuilder behavior(String condition, int points) {
        scoring.add(new ScoringRule("behavior-" + (scoring.size() + 1), ScoreKind.BEHAVIOR, all(condition), points));
        return this;
    }

    public RulesetBuilder transition(String id, List<LifecycleStage> from, LifecycleStage to, String... conditions) {
        lifecycle.add(new LifecycleRule(id, EnumSet.copyOf(from), to, all(conditions), Optional.empty()));
        return this;
    }

    public RulesetBuilder recycle(String id, List<LifecycleStage> from, LifecycleStage to, String reason,
            String... conditions) {
        lifecycle.add(new LifecycleRule(id, EnumSet.copyOf(from), to, all(conditions), Optional.of(reason)));
        return this;
    }

    public RulesetBuilder routeToPool(String id, String pool, OptionalInt cap, String... conditions) {
        routing.add(new RoutingRule(id, all(conditions),
                new Assignment.ToPool(pool, Assignment.Strategy.ROUND_ROBIN, cap)));
        return this;
    }

    public RulesetBuilder routeLeastLoaded(String id, String pool, String... conditions) {
        routing.add(new RoutingRule(id, all(conditions),
                new Assignment.ToPool(pool, Assignment.Strategy.LEAST_OPEN_LEADS, OptionalInt.empty())));
        return this;
    }

    public RulesetBuilder routeToQueue(String id, String queue, String... conditions) {
        routing.add(new RoutingRule(id, all(conditions), new Assignment.ToQueue(queue)));
        return this;
    }

    public RulesetBuilder routeToAccountOwner(String id, String... conditions) {
        routing.add(new RoutingRule(id, all(conditions), new Assignment.ToAccountOwner()));
        return this;
    }

    public RulesetBuilder action(ActionRule rule) {
        actions.add(rule);
        return this;
    }

    public RulesetBuilder pool(String name, List<String> owners) {
        pools.put(name, new Pool(name, owners, OptionalInt.empty(), Optional.empty(), Optional.empty()));
        return this;
    }

    public RulesetBuilder pool(Pool pool) {
        pools.put(pool.name(), pool);
        return this;
    }

    public RulesetBuilder fallbackQueue(String queue) {
        fallbackQueue = queue;
        return this;
    }

    public RulesetBuilder sla(SlaRule rule) {
        sla.add(rule);
        return this;
    }

    public Ruleset build() {
        return new Ruleset(Optional.of("test"), version, scoring, lifecycle, routing, actions, pools, fallbackQueue,
                sla, BusinessHours.WEEKDAYS_9_TO_5_UTC);
    }
}
