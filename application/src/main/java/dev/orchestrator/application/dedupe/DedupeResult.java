package dev.orchestrator.application.dedupe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A batch's clustering (record id to cluster id, in input order) and what it cost.
 *
 * @param comparisons pairs the matcher scored, candidate pairs and merge checks together
 * @param duplicatePairs pairs decided {@code Duplicate}
 * @param possiblePairs pairs decided {@code PossibleDuplicate} (what a review queue would show)
 * @param refusedMerges transitive merges refused because two of their records conflict
 */
public record DedupeResult(Map<String, String> clusterOf, long comparisons, long duplicatePairs,
                           long possiblePairs, long refusedMerges) {
    public DedupeResult {
        clusterOf = Collections.unmodifiableMap(new LinkedHashMap<>(clusterOf));
    }
}
