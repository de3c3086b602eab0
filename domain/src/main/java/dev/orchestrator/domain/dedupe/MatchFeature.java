package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;

/**
 * One piece of evidence a rule found: which comparison, what it saw, and how much it weighs (positive for
 * "same", negative for "different"). A conflict is evidence strong enough that the two records must never
 * end up in one cluster, even through a third record.
 */
public record MatchFeature(String name, String value, double weight, boolean conflict) {
    public MatchFeature {
        Require.notBlank("name", name);
        Require.present("value", value);
        Require.that(!Double.isNaN(weight) && !Double.isInfinite(weight), "weight", "must be finite");
    }

    public static MatchFeature of(String name, String value, double weight) {
        return new MatchFeature(name, value, weight, false);
    }

    public static MatchFeature conflict(String name, String value, double weight) {
        return new MatchFeature(name, value, weight, true);
    }
}
