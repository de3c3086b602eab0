package dev.orchestrator.domain.dedupe;

import java.util.List;

/** How two normalised company names relate, strongest first. */
public enum NameRelation {
    SAME, ALIAS, TYPO, ACRONYM, SHORTENED, OVERLAP, SHORT_FORM, OTHER_NUMBER, UNRELATED;

    public static NameRelation between(CompanyName a, CompanyName b) {
        String ca = a.compact();
        String cb = b.compact();
        if (ca.equals(cb)) {
            return SAME;
        }
        String da = Text.digits(ca);
        String db = Text.digits(cb);
        if (!da.isEmpty() && !db.isEmpty() && !da.equals(db)) {
            // "Learning Center #1" and "#2", "Site 2929" and "Site 2020": numbered branches, not typos.
            return OTHER_NUMBER;
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
        if (shorter.length() >= 4 && everyWordKept(fewer.tokens(), more.tokens())) {
            return SHORTENED;
        }
        if (StringSimilarity.tokenJaccard(a.tokens(), b.tokens()) >= 0.5) {
            return OVERLAP;
        }
        // "ARMB", "NVL": too short to call unrelated; it may be an abbreviation nobody can check.
        if (shorter.length() <= 4) {
            return SHORT_FORM;
        }
        return UNRELATED;
    }

    /**
     * Every word of the shorter name survives in the longer one, whole, cut short ("Soft" for "Software")
     * or with a typo: the longer name only adds words. "Cambridge Dental" keeps no "Semantics", so it fails.
     */
    private static boolean everyWordKept(List<String> fewer, List<String> more) {
        for (String word : fewer) {
            boolean kept = false;
            for (String other : more) {
                if (other.equals(word) || (word.length() >= 3 && other.startsWith(word))
                        || (word.length() >= 4 && other.length() >= 4
                        && StringSimilarity.editDistance(word, other, 1) <= 1)) {
                    kept = true;
                    break;
                }
            }
            if (!kept) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAcronymOf(CompanyName shortName, CompanyName longName) {
        String acronym = longName.acronym();
        if (acronym.length() < 2) {
            return false;
        }
        return acronym.equals(shortName.compact()) || shortName.aliases().contains(acronym);
    }
}
