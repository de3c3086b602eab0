package dev.orchestrator.domain.dedupe;

import java.util.List;
import java.util.Optional;

/**
 * One named comparison between two records, yielding the evidence it found: nothing when it has nothing to
 * say (a field missing on a side), usually one feature, two for first and last name.
 */
@FunctionalInterface
public interface MatchRule {
    List<MatchFeature> evaluate(MatchRecord a, MatchRecord b);

    /** Adapts a comparison that finds at most one feature. */
    static MatchRule single(SingleFeature rule) {
        return (a, b) -> rule.evaluate(a, b).map(List::of).orElse(List.of());
    }

    @FunctionalInterface
    interface SingleFeature {
        Optional<MatchFeature> evaluate(MatchRecord a, MatchRecord b);
    }
}
