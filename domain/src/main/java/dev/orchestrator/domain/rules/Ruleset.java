package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One ruleset file, parsed: scoring, lifecycle, routing, actions, the pools routing draws from, and the SLA
 * timers the sweep enforces in business hours. Its version
 * is the SHA-256 of the file's bytes, computed by whoever read the file.
 */
public record Ruleset(
        Optional<String> label,
        RulesetVersion version,
        List<ScoringRule> scoring,
        List<LifecycleRule> lifecycle,
        List<RoutingRule> routing,
        List<ActionRule> actions,
        Map<String, Pool> pools,
        String fallbackQueue,
        List<SlaRule> sla,
        BusinessHours businessHours) {

    public static final String DEFAULT_FALLBACK_QUEUE = "unassigned";

    public Ruleset {
        Require.present("label", label);
        Require.present("version", version);
        scoring = List.copyOf(Require.present("scoring", scoring));
        lifecycle = List.copyOf(Require.present("lifecycle", lifecycle));
        routing = List.copyOf(Require.present("routing", routing));
        actions = List.copyOf(Require.present("actions", actions));
        pools = Collections.unmodifiableMap(new LinkedHashMap<>(Require.present("pools", pools)));
        Require.notBlank("fallbackQueue", fallbackQueue);
        sla = List.copyOf(Require.present("sla", sla));
        Require.present("businessHours", businessHours);
        unique("sla", sla.stream().map(SlaRule::id).toList());
        unique("scoring", scoring.stream().map(ScoringRule::id).toList());
        unique("lifecycle", lifecycle.stream().map(LifecycleRule::id).toList());
        unique("routing", routing.stream().map(RoutingRule::id).toList());
        unique("actions", actions.stream().map(ActionRule::id).toList());
        for (Map.Entry<String, Pool> entry : pools.entrySet()) {
            Require.that(entry.getKey().equals(entry.getValue().name()), "pools", "key and pool name differ");
            Optional<String> overflow = entry.getValue().overflow();
            Require.that(overflow.isEmpty() || pools.containsKey(overflow.get()), "pools",
                    "pool " + entry.getKey() + " overflows to undefined pool " + overflow.orElse(""));
        }
    }

    /**
     * The lifecycle rules that allow moving from one stage to another; empty means the move is illegal under
     * this ruleset (a stage change arriving from elsewhere that no rule allows is refused and audited).
     */
    public List<String> rulesAllowing(LifecycleStage from, LifecycleStage to) {
        return lifecycle.stream().filter(rule -> rule.from().contains(from) && rule.to() == to)
                .map(LifecycleRule::id).toList();
    }

    /** Pools that routing rules name but the file does not define: they route straight to the fallback queue. */
    public Set<String> undefinedPools() {
        Set<String> missing = new LinkedHashSet<>();
        for (RoutingRule rule : routing) {
            if (rule.assign() instanceof Assignment.ToPool toPool && !pools.containsKey(toPool.pool())) {
                missing.add(toPool.pool());
            }
        }
        return missing;
    }

    private static void unique(String section, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            Require.that(seen.add(id), section, "rule id '" + id + "' is used twice");
        }
    }
}
