package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two records with a list of rules and turns the evidence into a decision. Two people compare as
 * people; anything else (two companies, or a lead against an account) compares as companies.
 */
public final class RecordMatcher {
    private final List<MatchRule> companyRules;
    private final List<MatchRule> personRules;
    private final MatchThresholds thresholds;

    public RecordMatcher(List<MatchRule> companyRules, List<MatchRule> personRules, MatchThresholds thresholds) {
        this.companyRules = List.copyOf(Require.present("companyRules", companyRules));
        this.personRules = List.copyOf(Require.present("personRules", personRules));
        this.thresholds = Require.present("thresholds", thresholds);
    }

    /** The shipped rules with the given thresholds. */
    public static RecordMatcher standard(MatchThresholds thresholds) {
        return new RecordMatcher(CompanyRules.ALL, PersonRules.ALL, thresholds);
    }

    public MatchDecision compare(MatchRecord a, MatchRecord b) {
        boolean people = (a.isPerson() && b.isPerson()) || (a.company().isEmpty() && b.company().isEmpty());
        return people ? comparePersons(a, b) : compareCompanies(a, b);
    }

    /** Lead-to-account: the lead's company name and work e-mail domain against the account. */
    public MatchDecision compareCompanies(MatchRecord a, MatchRecord b) {
        return thresholds.decide(score(companyRules, a, b));
    }

    public MatchDecision comparePersons(MatchRecord a, MatchRecord b) {
        return thresholds.decide(score(personRules, a, b));
    }

    public MatchThresholds thresholds() {
        return thresholds;
    }

    private static MatchScore score(List<MatchRule> rules, MatchRecord a, MatchRecord b) {
        List<MatchFeature> features = new ArrayList<>();
        for (MatchRule rule : rules) {
            features.addAll(rule.evaluate(a, b));
        }
        return MatchScore.of(features);
    }
}
