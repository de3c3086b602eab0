package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;

/** The outcome of comparing two records, always carrying the evidence that produced it. */
public sealed interface MatchDecision {
    MatchScore score();

    /** Same real-world entity: merge (audited with the evidence). */
    record Duplicate(MatchScore score) implements MatchDecision {
        public Duplicate {
            Require.present("score", score);
        }
    }

    /** Perhaps the same: a person decides, seeing both side by side. */
    record PossibleDuplicate(MatchScore score) implements MatchDecision {
        public PossibleDuplicate {
            Require.present("score", score);
        }
    }

    /** Different entities: create. */
    record Distinct(MatchScore score) implements MatchDecision {
        public Distinct {
            Require.present("score", score);
        }
    }
}
