package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.IdentityCandidate;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchScore;
import dev.orchestrator.domain.shared.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The best comparison of a lead whose e-mail is new with the people the identity index offered.
 *
 * @param candidate   the closest compared person (even when distinct); empty when nobody shared a key
 * @param comparisons people compared (at most the index's candidate limit)
 */
public record PersonMatch(MatchDecision decision, Optional<IdentityCandidate> candidate, int comparisons) {
    public PersonMatch {
        Require.present("decision", decision);
        Require.present("candidate", candidate);
        Require.that(comparisons >= 0, "comparisons", "must not be negative");
    }

    static PersonMatch noCandidate() {
        return new PersonMatch(new MatchDecision.Distinct(MatchScore.of(List.of())), Optional.empty(), 0);
    }

    public boolean isDuplicate() {
        return decision instanceof MatchDecision.Duplicate && candidate.isPresent();
    }

    public boolean isPossibleDuplicate() {
        return decision instanceof MatchDecision.PossibleDuplicate && candidate.isPresent();
    }

    /** The matched person's CRM contact id (index ids are {@code contact:<crm id>}). */
    public Optional<String> crmContactId() {
        return candidate.map(c -> PersonMatching.crmIdOf(c.recordId()));
    }

    /** Audit evidence: the decision, the person, the score and each feature with its weight. */
    public Map<String, String> evidence() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("decision", decision.getClass().getSimpleName());
        evidence.put("contact", crmContactId().orElse(""));
        evidence.put("score", String.format(Locale.ROOT, "%.2f", decision.score().total()));
        evidence.put("comparisons", Integer.toString(comparisons));
        candidate.ifPresent(c -> evidence.put("sharedKeys", c.sharedKeys().stream()
                .map(k -> k.type().name().toLowerCase(Locale.ROOT) + ":" + k.value())
                .reduce((a, b) -> a + ", " + b).orElse("")));
        decision.score().features().forEach(f -> evidence.put("feature." + f.name(),
                f.value() + " (" + String.format(Locale.ROOT, "%+.1f", f.weight()) + ")"));
        return evidence;
    }
}
