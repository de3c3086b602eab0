package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;

/**
 * Where a score becomes a match (merge) or a possible match (review). Configuration, not code: the
 * defaults are what the benchmark was measured with. A conflicting feature (another brand's domain) caps the
 * decision at a possible match however high the score, so a person looks before two brands are merged.
 */
public record MatchThresholds(double match, double possible) {
    public static final MatchThresholds DEFAULT = new MatchThresholds(5.0, 2.5);

    public MatchThresholds {
        Require.that(!Double.isNaN(match) && !Double.isNaN(possible), "thresholds", "must be numbers");
        Require.that(possible <= match, "possible", "must not exceed the match threshold");
    }

    public MatchDecision decide(MatchScore score) {
        if (score.total() >= match && !score.hasConflict()) {
            return new MatchDecision.Duplicate(score);
        }
        if (score.total() >= possible) {
            return new MatchDecision.PossibleDuplicate(score);
        }
        return new MatchDecision.Distinct(score);
    }
}
