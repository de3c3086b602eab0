package dev.orchestrator.domain.merge;

import dev.orchestrator.domain.merge.FieldMergeRule.Strategy;
import dev.orchestrator.domain.shared.Require;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The priority matrix: a ranking of sources, one rule per field (the default rule for fields it does not name),
 * and a minimum confidence. A decision runs small steps in order, the first that decides wins: too unsure, fill
 * empty, already equal, then the field's own rule.
 */
public final class MergePolicy {
    public static final String OWNER = "owner";

    /** One step of a decision: decides, or passes (empty) to the next step. */
    @FunctionalInterface
    interface MergeStep {
        Optional<MergeOutcome> decide(String field, Optional<FieldValue> current, FieldValue offered);
    }

    private final SourceRanking ranking;
    private final Map<String, FieldMergeRule> rules;
    private final Strategy defaultStrategy;
    private final double minimumConfidence;
    private final List<MergeStep> steps;

    public MergePolicy(SourceRanking ranking, Collection<FieldMergeRule> rules, Strategy defaultStrategy,
            double minimumConfidence) {
        this.ranking = Require.present("ranking", ranking);
        this.defaultStrategy = Require.present("defaultStrategy", defaultStrategy);
        this.minimumConfidence = Require.between("minimumConfidence", minimumConfidence, 0.0, 1.0);
        Map<String, FieldMergeRule> byField = new LinkedHashMap<>();
        for (FieldMergeRule rule : Require.present("rules", rules)) {
            Require.that(byField.put(rule.field(), rule) == null, "rules", "field '" + rule.field()
                    + "' has two rules");
        }
        // Whatever the file says, an owner is never overwritten by a merge: reassigning is routing's decision.
        byField.put(OWNER, new FieldMergeRule(OWNER, Strategy.NEVER_OVERWRITE));
        this.rules = Map.copyOf(byField);
        this.steps = List.of(tooUnsure(), fillEmpty(), alreadyEqual(), fieldRule());
    }

    /** The shipped matrix: crm-user > form > enrichment, source priority everywhere, owner never overwritten. */
    public static MergePolicy standard() {
        return new MergePolicy(SourceRanking.DEFAULT, List.of(), Strategy.SOURCE_PRIORITY, 0.0);
    }

    /** The same policy with these fields trusted to refresh (enrichment keeps them current over anyone). */
    public MergePolicy withTrustedRefresh(Set<String> fields) {
        List<FieldMergeRule> changed = new ArrayList<>(rules.values());
        changed.removeIf(r -> fields.contains(r.field()));
        fields.stream().filter(f -> !f.equals(OWNER)).forEach(f -> changed.add(new FieldMergeRule(f,
                Strategy.TRUSTED_REFRESH)));
        return new MergePolicy(ranking, changed, defaultStrategy, minimumConfidence);
    }

    public SourceRanking ranking() {
        return ranking;
    }

    public double minimumConfidence() {
        return minimumConfidence;
    }

    public FieldMergeRule ruleFor(String field) {
        return rules.getOrDefault(field, new FieldMergeRule(field, defaultStrategy));
    }

    public MergeOutcome decide(String field, Optional<FieldValue> current, FieldValue offered) {
        Require.notBlank("field", field);
        Require.present("current", current);
        Require.present("offered", offered);
        for (MergeStep step : steps) {
            Optional<MergeOutcome> outcome = step.decide(field, current, offered);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new IllegalStateException("no merge step decided " + field);
    }

    /** One outcome per offered field, in the offered map's order; fields nobody offers are left alone. */
    public List<MergeOutcome> decideAll(Map<String, FieldValue> current, Map<String, FieldValue> offered) {
        List<MergeOutcome> outcomes = new ArrayList<>();
        offered.forEach((field, value) -> outcomes.add(decide(field, Optional.ofNullable(current.get(field)),
                value)));
        return List.copyOf(outcomes);
    }

    private MergeStep tooUnsure() {
        return (field, current, offered) -> offered.confidence() < minimumConfidence
                ? Optional.of(new MergeOutcome.Keep(field, current, offered, "below-minimum-confidence",
                        String.format(java.util.Locale.ROOT, "confidence %.2f is below the minimum %.2f",
                                offered.confidence(), minimumConfidence)))
                : Optional.empty();
    }

    private static MergeStep fillEmpty() {
        return (field, current, offered) -> current.isEmpty()
                ? Optional.of(new MergeOutcome.Apply(field, current, offered, "fill-empty",
                        "the field was empty"))
                : Optional.empty();
    }

    private static MergeStep alreadyEqual() {
        return (field, current, offered) -> current.filter(c -> c.value().equals(offered.value())).isPresent()
                ? Optional.of(new MergeOutcome.Keep(field, current, offered, "already-equal",
                        "the field already holds this value"))
                : Optional.empty();
    }

    private MergeStep fieldRule() {
        return (field, current, offered) -> {
            FieldValue now = current.orElseThrow();
            Strategy strategy = ruleFor(field).strategy();
            String rule = strategy.key();
            switch (strategy) {
                case NEVER_OVERWRITE:
                    return Optional.of(new MergeOutcome.Keep(field, current, offered, rule,
                            field + " is never overwritten once set"));
                case TRUSTED_REFRESH:
                    return Optional.of(new MergeOutcome.Apply(field, current, offered, rule,
                            field + " is trusted-refresh: " + offered.source() + " keeps it current"));
                case NEWEST_WINS:
                    return Optional.of(newest(field, now, offered, rule));
                case SOURCE_PRIORITY:
                    return Optional.of(byPriority(field, now, offered, rule));
                default:
                    throw new IllegalStateException("unknown strategy " + strategy);
            }
        };
    }

    private MergeOutcome byPriority(String field, FieldValue now, FieldValue offered, String rule) {
        if (ranking.outranks(offered.source(), now.source())) {
            return new MergeOutcome.Apply(field, Optional.of(now), offered, rule,
                    offered.source() + " outranks " + now.source());
        }
        if (ranking.outranks(now.source(), offered.source())) {
            return new MergeOutcome.Keep(field, Optional.of(now), offered, rule,
                    now.source() + " outranks " + offered.source());
        }
        return newest(field, now, offered, rule);
    }

    /** A tie keeps what is there: the same instant says nothing about which is right, and churn is noise. */
    private static MergeOutcome newest(String field, FieldValue now, FieldValue offered, String rule) {
        String sameSource = now.source().equals(offered.source()) ? "same source " + now.source() + ", " : "";
        return offered.at().isAfter(now.at())
                ? new MergeOutcome.Apply(field, Optional.of(now), offered, rule,
                        sameSource + "the offered value is newer (" + offered.at() + " after " + now.at() + ")")
                : new MergeOutcome.Keep(field, Optional.of(now), offered, rule,
                        sameSource + "the current value is not older (" + now.at() + ")");
    }
}
