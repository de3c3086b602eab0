package dev.orchestrator.domain.dedupe;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The comparisons that decide whether two records are one company. Weights are log-odds-like points:
 * a shared registrable domain or an identical name is enough alone, a typo-level name needs another
 * agreeing field, and a domain of another brand is a conflict no name can overcome.
 */
public final class CompanyRules {
    public static final MatchRule DOMAIN = MatchRule.single((a, b) -> {
        if (a.domains().isEmpty() || b.domains().isEmpty()) {
            return Optional.empty();
        }
        DomainRelation.Found found = DomainRelation.strongest(a.domains(), b.domains());
        DomainRelation relation = found.relation();
        if (relation == DomainRelation.TYPO && !namesAgree(a, b) && namesItsDomain(a) && namesItsDomain(b)) {
            // Each side spells its name as its own domain, one letter apart from the other: that is a
            // look-alike brand (Civis Analytics, Civis Anolytics), not a typo, which touches one field only.
            relation = DomainRelation.LOOK_ALIKE;
        }
        String value = relation.name().toLowerCase(Locale.ROOT) + " " + found.a().registrable() + " ~ "
                + found.b().registrable();
        return Optional.of(switch (relation) {
            case SAME_DOMAIN -> MatchFeature.of("domain", value, 7.0);
            case SAME_LABEL -> MatchFeature.of("domain", value, 5.5);
            case BRAND_VARIANT -> MatchFeature.of("domain", value, 3.0);
            case TYPO -> MatchFeature.of("domain", value, 1.5);
            case CONTAINED, LOOK_ALIKE -> MatchFeature.conflict("domain", value, -2.5);
            case UNRELATED -> MatchFeature.conflict("domain", value, -4.0);
        });
    });

    public static final MatchRule NAME = MatchRule.single((a, b) -> {
        if (a.company().isEmpty() || b.company().isEmpty()) {
            return Optional.empty();
        }
        NameRelation relation = NameRelation.between(a.company(), b.company());
        String value = relation.name().toLowerCase(Locale.ROOT) + " " + a.company().compact() + " ~ "
                + b.company().compact();
        double weight = switch (relation) {
            case SAME -> 5.5;
            case ALIAS -> 4.0;
            // One slip in a long name is a typo far more often than another company; look-alike brands are
            // told apart by their domains, which conflict.
            case TYPO -> Math.min(a.company().compact().length(), b.company().compact().length()) >= 8 ? 5.0 : 3.0;
            case ACRONYM, SHORTENED -> 2.0;
            case OVERLAP, SHORT_FORM -> 0.0;
            case UNRELATED, OTHER_NUMBER -> -2.0;
        };
        return Optional.of(MatchFeature.of("company_name", value, weight));
    });

    /** A record without a domain still names one: "IBM" against ibm.com, "Acme Corp" against acme.co.uk. */
    public static final MatchRule NAME_AGAINST_DOMAIN = MatchRule.single((a, b) -> {
        if (!a.domains().isEmpty() && !b.domains().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> hit = nameHitsDomain(a, b).or(() -> nameHitsDomain(b, a));
        return hit.map(v -> MatchFeature.of("name_vs_domain", v, 3.0));
    });

    // A company has several lines, so a different number is no evidence against it.
    public static final MatchRule PHONE = MatchRule.single((a, b) -> PersonRules.phoneFeature(a, b, 4.5, 0.0));

    public static final MatchRule CITY = MatchRule.single((a, b) -> PersonRules.cityFeature(a, b, 0.5, 0.5, -1.5));

    public static final MatchRule COUNTRY = MatchRule.single((a, b) -> {
        if (a.country().isEmpty() || b.country().isEmpty()) {
            return Optional.empty();
        }
        String value = a.country().get() + " ~ " + b.country().get();
        return Optional.of(a.country().equals(b.country()) ? MatchFeature.of("country", value, 0.5)
                : MatchFeature.of("country", "different " + value, -1.5));
    });

    public static final List<MatchRule> ALL = List.of(DOMAIN, NAME, NAME_AGAINST_DOMAIN, PHONE, CITY, COUNTRY);

    private CompanyRules() {
    }

    private static boolean namesAgree(MatchRecord a, MatchRecord b) {
        if (a.company().isEmpty() || b.company().isEmpty()) {
            return true;
        }
        NameRelation names = NameRelation.between(a.company(), b.company());
        return names == NameRelation.SAME || names == NameRelation.ALIAS;
    }

    /** The record's name is spelled out in its own domain ("Standard & Poor's", standardandpoors.com). */
    private static boolean namesItsDomain(MatchRecord r) {
        String name = r.company().compact();
        if (name.length() < 4) {
            return false;
        }
        for (DomainKey key : r.domains()) {
            String label = key.compactLabel();
            if (label.length() >= 4 && (name.contains(label) || wordsInOrder(label, r.company().tokens()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordsInOrder(String label, List<String> words) {
        int from = 0;
        for (String word : words) {
            int at = label.indexOf(word, from);
            if (at < 0) {
                return false;
            }
            from = at + word.length();
        }
        return true;
    }

    private static Optional<String> nameHitsDomain(MatchRecord named, MatchRecord withDomain) {
        CompanyName name = named.company();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        for (DomainKey key : withDomain.domains()) {
            String label = key.compactLabel();
            if (label.length() >= 2 && (label.equals(name.compact()) || label.equals(name.acronym())
                    || name.aliases().contains(label))) {
                return Optional.of(name.raw() + " ~ " + key.registrable());
            }
        }
        return Optional.empty();
    }
}
