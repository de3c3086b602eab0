/**
 * Dedupe and lead-to-account matching.
 *
 * <p>A {@link dev.orchestrator.domain.dedupe.MatchRecord} holds a record's fields normalised once
 * ({@link dev.orchestrator.domain.dedupe.CompanyName}, {@link dev.orchestrator.domain.dedupe.DomainKey}s,
 * phone keys, folded person names, city, country). {@link dev.orchestrator.domain.dedupe.BlockingKeys} gives the
 * (type, value) keys it is indexed under, so candidates come from shared keys, never from every record.
 * {@link dev.orchestrator.domain.dedupe.RecordMatcher} runs a list of
 * {@link dev.orchestrator.domain.dedupe.MatchRule}s ({@link dev.orchestrator.domain.dedupe.CompanyRules},
 * {@link dev.orchestrator.domain.dedupe.PersonRules}); each yields
 * {@link dev.orchestrator.domain.dedupe.MatchFeature}s (name, value, weight), summed into a
 * {@link dev.orchestrator.domain.dedupe.MatchScore}, which
 * {@link dev.orchestrator.domain.dedupe.MatchThresholds} turns into a
 * {@link dev.orchestrator.domain.dedupe.MatchDecision}: {@code Duplicate}, {@code PossibleDuplicate} or
 * {@code Distinct}, always with its evidence.
 *
 * <p>Weights are log-odds-like points with a match threshold of 5: an identical normalised name (5.5) or a
 * shared registrable domain (7) decides alone; a one-letter slip in a long name (5) decides when nothing
 * contradicts it; shortened names, acronyms and short-name typos need a domain, phone or location to agree.
 * Another brand's domain ({@code UNRELATED}, {@code CONTAINED}: acme.com against acmestudio.com.au, or a
 * {@code LOOK_ALIKE} spelled one letter apart in both name and domain) is a conflict: it caps the decision at a
 * possible match and, in batch clustering, forbids any transitive merge that would join the two records.
 */
package dev.orchestrator.domain.dedupe;
