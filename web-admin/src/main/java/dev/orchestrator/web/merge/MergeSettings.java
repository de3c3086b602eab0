package dev.orchestrator.web.merge;

import dev.orchestrator.domain.dedupe.MatchThresholds;
import dev.orchestrator.domain.merge.MergePolicy;
import java.util.Objects;

/** The merge policy file, read: the priority matrix and the person dedupe thresholds. */
public record MergeSettings(MergePolicy policy, MatchThresholds personThresholds) {
    public MergeSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(personThresholds, "personThresholds");
    }
}
