package dev.orchestrator.application.rules;

import dev.orchestrator.domain.rules.CandidateOutcome;
import dev.orchestrator.domain.rules.ConditionResult;
import dev.orchestrator.domain.rules.LifecycleTransition;
import dev.orchestrator.domain.rules.RoutingCandidate;
import dev.orchestrator.domain.rules.RoutingDecision;
import dev.orchestrator.domain.rules.RoutingTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule decisions as the flat, ordered {@code evidence} map of an audit event, and back. Keys:
 * {@code condition.N.expr}, {@code condition.N.result}, {@code condition.N.values.<field>},
 * {@code candidate.N.owner|pool|outcome|reason} (N from 1), plus {@code from}, {@code to}, {@code reason},
 * {@code target}, {@code pool}. Read values live only under {@code condition.N.values.}, so erasing a person's
 * data can blank exactly those and keep the decision skeleton.
 */
public final class RuleEvidence {
    public static final String VALUES = ".values.";

    private RuleEvidence() {
    }

    public static Map<String, String> transition(LifecycleTransition transition) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("from", transition.from().key());
        evidence.put("to", transition.to().key());
        transition.reason().ifPresent(reason -> evidence.put("reason", reason));
        putConditions(evidence, transition.conditions());
        return evidence;
    }

    public static Map<String, String> routing(RoutingDecision routing) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("target", routing.target().label());
        if (routing.target() instanceof RoutingTarget.Owner owner) {
            evidence.put("pool", owner.pool());
        }
        evidence.put("reason", routing.reason());
        putConditions(evidence, routing.conditions());
        int n = 1;
        for (RoutingCandidate candidate : routing.candidates()) {
            evidence.put("candidate." + n + ".owner", candidate.owner());
            evidence.put("candidate." + n + ".pool", candidate.pool());
            evidence.put("candidate." + n + ".outcome", candidate.outcome().key());
            evidence.put("candidate." + n + ".reason", candidate.reason());
            n++;
        }
        return evidence;
    }

    public static void putConditions(Map<String, String> evidence, List<ConditionResult> conditions) {
        int n = 1;
        for (ConditionResult condition : conditions) {
            evidence.put("condition." + n + ".expr", condition.expr());
            evidence.put("condition." + n + ".result", Boolean.toString(condition.result()));
            for (Map.Entry<String, String> value : condition.values().entrySet()) {
                evidence.put("condition." + n + VALUES + value.getKey(), value.getValue());
            }
            n++;
        }
    }

    /** The conditions encoded in an evidence map, in their original order. */
    public static List<ConditionResult> conditions(Map<String, String> evidence) {
        TreeMap<Integer, String> exprs = new TreeMap<>();
        for (String key : evidence.keySet()) {
            if (key.startsWith("condition.") && key.endsWith(".expr")) {
                exprs.put(index(key), evidence.get(key));
            }
        }
        List<ConditionResult> conditions = new ArrayList<>();
        for (Map.Entry<Integer, String> expr : exprs.entrySet()) {
            String prefix = "condition." + expr.getKey() + VALUES;
            Map<String, String> values = new LinkedHashMap<>();
            evidence.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    values.put(key.substring(prefix.length()), value);
                }
            });
            conditions.add(new ConditionResult(expr.getValue(),
                    Boolean.parseBoolean(evidence.get("condition." + expr.getKey() + ".result")), values));
        }
        return conditions;
    }

    /** The routing candidates encoded in an evidence map, in their original order. */
    public static List<RoutingCandidate> candidates(Map<String, String> evidence) {
        TreeMap<Integer, String> owners = new TreeMap<>();
        for (String key : evidence.keySet()) {
            if (key.startsWith("candidate.") && key.endsWith(".owner")) {
                owners.put(index(key), evidence.get(key));
            }
        }
        List<RoutingCandidate> candidates = new ArrayList<>();
        for (Map.Entry<Integer, String> owner : owners.entrySet()) {
            String prefix = "candidate." + owner.getKey() + ".";
            candidates.add(new RoutingCandidate(owner.getValue(), evidence.get(prefix + "pool"),
                    outcome(evidence.get(prefix + "outcome")), evidence.get(prefix + "reason")));
        }
        return candidates;
    }

    private static CandidateOutcome outcome(String key) {
        return CandidateOutcome.valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static int index(String key) {
        int start = key.indexOf('.') + 1;
        return Integer.parseInt(key.substring(start, key.indexOf('.', start)));
    }
}
