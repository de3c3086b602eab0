package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How two companies' domains relate, strongest first. Brands keep one label across countries
 * (acme.com, acme.co.uk) and buy marketing variants (getacme.com, acmehq.com); a different label with a
 * product word added (acmestudio.com.au) is usually another company using the same name.
 */
public enum DomainRelation {
    SAME_DOMAIN, SAME_LABEL, BRAND_VARIANT, TYPO, CONTAINED, UNRELATED,
    /** One letter apart like a typo, but each company spells its own name that way: two look-alike brands. */
    LOOK_ALIKE;

    // Longest first, so stripping an affix is deterministic ("corp" before "co").
    private static final List<String> BRAND_AFFIXES = Stream.of(
            "get", "try", "use", "my", "go", "join", "the", "hello", "hi", "meet", "with", "team", "hq", "app",
            "inc", "group", "grp", "online", "corp", "co", "official", "site", "web", "home", "now",
            "company")
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
            .toList();

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
        if (isTypo(la, lb) || isTypo(withoutAffix(la), lb) || isTypo(la, withoutAffix(lb))) {
            // A slip in one variant of the brand ("acmehq" against "acmr") is still that brand.
            return TYPO;
        }
        return UNRELATED;
    }

    private static boolean isTypo(String a, String b) {
        int min = Math.min(a.length(), b.length());
        int allowed = min >= 10 ? 2 : min >= 4 ? 1 : 0;
        return allowed > 0 && StringSimilarity.editDistance(a, b, allowed) <= allowed;
    }

    /** The label without a marketing prefix or suffix, or the label itself when it has none. */
    private static String withoutAffix(String label) {
        for (String affix : BRAND_AFFIXES) {
            if (label.length() > affix.length() + 3) {
                if (label.startsWith(affix)) {
                    return label.substring(affix.length());
                }
                if (label.endsWith(affix)) {
                    return label.substring(0, label.length() - affix.length());
                }
            }
        }
        return label;
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
