package dev.orchestrator.application.service;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.in.CompanyMatch;
import dev.orchestrator.application.port.in.MatchCompanyQuery;
import dev.orchestrator.application.port.in.MatchCompanyUseCase;
import dev.orchestrator.application.port.out.IdentityCandidate;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.domain.dedupe.MatchDecision;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.dedupe.RecordMatcher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the lead's company as a match record (no person names, so it is compared as a company), asks the
 * identity index for the company candidates and keeps the strongest decision: a duplicate before a possible
 * duplicate before a distinct, then the higher score, then the better-ranked candidate.
 */
public final class MatchCompanyService implements MatchCompanyUseCase {
    private final IdentityIndex index;
    private final RecordMatcher matcher;
    private final MatchRecordFactory records;

    public MatchCompanyService(IdentityIndex index, RecordMatcher matcher, MatchRecordFactory records) {
        this.index = Objects.requireNonNull(index, "index");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.records = Objects.requireNonNull(records, "records");
    }

    @Override
    public CompanyMatch match(MatchCompanyQuery query) {
        MatchRecord lead = records.toMatchRecord(new DedupeRecord(query.leadId(), query.companyName(),
                query.domain(), query.website(), query.email(), "", "", query.phone(), query.city(), query.country()));
        List<IdentityCandidate> candidates = index.candidates(lead, IdentityIndex.Kind.COMPANY);
        CompanyMatch best = CompanyMatch.noCandidate();
        for (IdentityCandidate candidate : candidates) {
            MatchDecision decision = matcher.compareCompanies(lead, candidate.record());
            if (best.accountId().isEmpty() || stronger(decision, best.decision())) {
                best = new CompanyMatch(decision, Optional.of(candidate.recordId()), candidate.sharedKeys(), 0,
                        Optional.of(candidate.record()));
            }
        }
        return new CompanyMatch(best.decision(), best.accountId(), best.sharedKeys(), candidates.size(),
                best.account());
    }

    private static boolean stronger(MatchDecision a, MatchDecision b) {
        int byKind = Integer.compare(strength(a), strength(b));
        return byKind != 0 ? byKind > 0 : a.score().total() > b.score().total();
    }

    private static int strength(MatchDecision d) {
        if (d instanceof MatchDecision.Duplicate) {
            return 2;
        }
        return d instanceof MatchDecision.PossibleDuplicate ? 1 : 0;
    }
}
