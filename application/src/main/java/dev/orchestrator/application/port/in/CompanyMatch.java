package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.dedupe.BlockingKey;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.MatchScore;
import dev.orchestrator.domain.shared.Require;
import java.util.List;
import java.util.Optional;

/**
 * The best comparison of a lead's company with the indexed accounts.
 *
 * @param decision    {@code Duplicate} (attach to the account, audited with the evidence), {@code PossibleDuplicate}
 *                    (review queue, both side by side) or {@code Distinct} (create); its score carries the features
 * @param accountId   the account the decision is about: the closest compared account, even when distinct; empty
 *                    when no account shared a key with the lead
 * @param sharedKeys  the blocking keys that made the account a candidate
 * @param comparisons accounts compared (at most the index's candidate limit)
 */
public record CompanyMatch(MatchDecision decision, Optional<String> accountId, List<BlockingKey> sharedKeys,
                           int comparisons, Optional<MatchRecord> account) {
    public CompanyMatch {
        Require.present("decision", decision);
        Require.present("accountId", accountId);
        sharedKeys = List.copyOf(Require.present("sharedKeys", sharedKeys));
        Require.that(comparisons >= 0, "comparisons", "must not be negative");
    }

    /** No account shared a key with the lead: distinct, with no evidence either way. */
    public static CompanyMatch noCandidate() {
        return new CompanyMatch(new MatchDecision.Distinct(MatchScore.of(List.of())), Optional.empty(), List.of(), 0,
                Optional.empty());
    }

    public boolean isDuplicate() {
        return decision instanceof MatchDecision.Duplicate;
    }

    public boolean isPossibleDuplicate() {
        return decision instanceof MatchDecision.PossibleDuplicate;
    }
}
