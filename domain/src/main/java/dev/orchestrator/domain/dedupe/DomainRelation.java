package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;
import java.util.Set;

/**
 * How two companies' domains relate, strongest first. Brands keep one label across countries
 * (acme.com, acme.co.uk) and buy marketing variants (getacme.com, acmehq.com); a different label with a
 * product word added (acmestudio.com.au) is usually another company using the same name.
 */
public enum DomainRelation {
    SAME_DOMAIN, SAME_LABEL, BRAND_VARIANT, TYPO, CONTAINED, UNRELATED,
    /** One letter apart like a typo, but each company spells its own name that way: two look-alike brands. */
    LOOK_ALIKE;

    private static final Set<String> BRAND_AFFIXES = Set.of(
            "get", "try", "use", "my", "go", "join", "the", "hello", "hi", "meet", "with", "team", "hq", "app",
            "inc", "group", "grp", "online", "corp", "co", "official", "site", "web", "home", "now",
            "company");

    public static DomainRelation between(DomainKey a, DomainKey b) {
        if (a.registrable().equals(b.registrable())) {
            return SAME_DOMAIN;
        }
        String la = a.compactLabel();
        String lb = b.compactLabel();
        if (la.equals(lb)) {
            return SAME_LABEL;
        }
        String shorter = la.length() <= lb.length() ? la : lb;
        String longer = la.length() <= lb.length() ? lb : la;
        if (shorter.length() >= 3 && longer.contains(shorter)) {
            String rest = longer.startsWith(shorter) ? longer.substring(shorter.length())
                    : longer.endsWith(shorter) ? longer.substring(0, longer.length() - shorter.length()) : "";
            return BRAND_AFFIXES.contains(rest) ? BRAND_VARIANT : CONTAINED;
        }
        int min = shorter.length();
        int allowed = min >= 10 ? 2 : min >= 4 ? 1 : 0;
        if (allowed > 0 && StringSimilarity.editDistance(la, lb, allowed) <= allowed) {
            return TYPO;
        }
        return UNRELATED;
    }

    /** The strongest relation between any domain of one company and any domain of the other. */
    public static DomainRelation best(Set<DomainKey> as, Set<DomainKey> bs) {
        return strongest(as, bs).relation();
    }

    /** The strongest relation with the two domains that show it, for the evidence. */
    static Found strongest(Set<DomainKey> as, Set<DomainKey> bs) {
        Require.that(!as.isEmpty() && !bs.isEmpty(), "domains", "both sides need a domain");
        Found best = null;
        for (DomainKey a : as) {
            for (DomainKey b : bs) {
                DomainRelation r = between(a, b);
                if (best == null || r.ordinal() < best.relation().ordinal()) {
                    best = new Found(r, a, b);
                }
            }
        }
        return best;
    }

    record Found(DomainRelation relation, DomainKey a, DomainKey b) {
    }
}
