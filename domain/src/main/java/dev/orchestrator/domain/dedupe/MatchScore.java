package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;
import java.util.List;

/** The sum of the evidence and the evidence itself, so every decision can say why. */
public record MatchScore(double total, List<MatchFeature> features) {
    public MatchScore {
        Require.present("features", features);
        features = List.copyOf(features);
    }

    public static MatchScore of(List<MatchFeature> features) {
        double total = 0.0;
        for (MatchFeature f : features) {
            total += f.weight();
        }
        return new MatchScore(total, features);
    }

    public boolean hasConflict() {
        for (MatchFeature f : features) {
            if (f.conflict()) {
                return true;
            }
        }
        return false;
    }
}
