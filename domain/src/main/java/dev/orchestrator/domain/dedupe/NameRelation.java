package dev.orchestrator.domain.dedupe;

/** How two normalised company names relate, strongest first. */
public enum NameRelation {
    SAME, ALIAS, TYPO, ACRONYM, SHORTENED, OVERLAP, UNRELATED;

    public static NameRelation between(CompanyName a, CompanyName b) {
        String ca = a.compact();
        String cb = b.compact();
        if (ca.equals(cb)) {
            return SAME;
        }
        if (a.aliases().contains(cb) || b.aliases().contains(ca)
                || a.aliases().stream().anyMatch(b.aliases()::contains)) {
            return ALIAS;
        }
        int min = Math.min(ca.length(), cb.length());
        int allowed = min >= 10 ? 2 : min >= 5 ? 1 : 0;
        if (allowed > 0 && StringSimilarity.editDistance(ca, cb, allowed) <= allowed) {
            return TYPO;
        }
        if (isAcronymOf(a, b) || isAcronymOf(b, a)) {
            return ACRONYM;
        }
        String shorter = ca.length() <= cb.length() ? ca : cb;
        String longer = ca.length() <= cb.length() ? cb : ca;
        if (shorter.length() >= 4 && longer.startsWith(shorter)) {
            return SHORTENED;
        }
        CompanyName fewer = a.tokens().size() <= b.tokens().size() ? a : b;
        CompanyName more = fewer == a ? b : a;
        if (StringSimilarity.tokenContainment(fewer.tokens(), more.tokens()) == 1.0 && shorter.length() >= 4) {
            return SHORTENED;
        }
        if (StringSimilarity.tokenJaccard(a.tokens(), b.tokens()) >= 0.5) {
            return OVERLAP;
        }
        return UNRELATED;
    }

    private static boolean isAcronymOf(CompanyName shortName, CompanyName longName) {
        String acronym = longName.acronym();
        if (acronym.length() < 2) {
            return false;
        }
        return acronym.equals(shortName.compact()) || shortName.aliases().contains(acronym);
    }
}
