package dev.orchestrator.domain.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The comparisons that decide whether two records are one person. Names are compared both as given and
 * with first and last swapped (forms get filled in the wrong boxes), keeping whichever reading agrees more.
 */
public final class PersonRules {
    public static final MatchRule EMAIL = MatchRule.single((a, b) -> {
        if (a.emails().isEmpty() || b.emails().isEmpty()) {
            return Optional.empty();
        }
        MatchFeature best = null;
        for (String ea : a.emails()) {
            for (String eb : b.emails()) {
                MatchFeature f = compareEmails(ea, eb);
                if (best == null || f.weight() > best.weight()) {
                    best = f;
                }
            }
        }
        return Optional.ofNullable(best);
    });

    public static final MatchRule NAMES = PersonRules::nameFeatures;

    public static final MatchRule PHONE = MatchRule.single((a, b) -> phoneFeature(a, b, 4.0, -0.5));

    public static final MatchRule CITY = MatchRule.single((a, b) -> cityFeature(a, b, 1.0, 0.5, -1.0));

    public static final List<MatchRule> ALL = List.of(EMAIL, NAMES, PHONE, CITY);

    /**
     * Same employer by company domain (work e-mail, website). Only where a new address meets known people of
     * one company (the pipeline's person dedupe): the benchmark's rules ({@link #ALL}) stay as measured.
     */
    public static final MatchRule EMPLOYER = MatchRule.single(PersonRules::employerFeature);

    /** The pipeline's person rules: {@link #ALL} plus {@link #EMPLOYER}. */
    public static final List<MatchRule> WITH_EMPLOYER = List.of(EMAIL, NAMES, PHONE, CITY, EMPLOYER);

    private PersonRules() {
    }

    /** First and last name, read as given or swapped, whichever agrees more. */
    static List<MatchFeature> nameFeatures(MatchRecord a, MatchRecord b) {
        List<MatchFeature> direct = alignedNames(a.firstName(), a.lastName(), b.firstName(), b.lastName(), "");
        List<MatchFeature> swapped = alignedNames(a.firstName(), a.lastName(), b.lastName(), b.firstName(),
                " (swapped)");
        return sum(swapped) > sum(direct) + 0.01 ? swapped : direct;
    }

    private static List<MatchFeature> alignedNames(Optional<String> fa, Optional<String> la, Optional<String> fb,
                                                   Optional<String> lb, String note) {
        List<MatchFeature> out = new ArrayList<>(2);
        if (fa.isPresent() && fb.isPresent()) {
            out.add(givenName(fa.get(), fb.get(), note));
        }
        if (la.isPresent() && lb.isPresent()) {
            out.add(familyName(la.get(), lb.get(), note));
        }
        return out;
    }

    static MatchFeature givenName(String a, String b, String note) {
        String value = a + " ~ " + b + note;
        if (a.equals(b)) {
            return MatchFeature.of("first_name", value, 2.5);
        }
        if (Nicknames.sameGivenName(a, b)) {
            return MatchFeature.of("first_name", "nickname " + value, 2.5);
        }
        if (isTypo(a, b)) {
            return MatchFeature.of("first_name", "typo " + value, 2.0);
        }
        if (a.length() == 1 || b.length() == 1) {
            return MatchFeature.of("first_name", "initial " + value, a.charAt(0) == b.charAt(0) ? 0.5 : -2.5);
        }
        return MatchFeature.of("first_name", "different " + value, -2.5);
    }

    static MatchFeature familyName(String a, String b, String note) {
        String value = a + " ~ " + b + note;
        if (a.equals(b)) {
            return MatchFeature.of("last_name", value, 3.0);
        }
        if (isTypo(a, b)) {
            return MatchFeature.of("last_name", "typo " + value, 2.5);
        }
        return MatchFeature.of("last_name", "different " + value, -3.0);
    }

    /** A slip of the keyboard: an edit or two, letters shuffled, or a near spelling (Jaro-Winkler). */
    static boolean isTypo(String a, String b) {
        int min = Math.min(a.length(), b.length());
        int allowed = min >= 7 ? 2 : min >= 4 ? 1 : 0;
        if (allowed == 0) {
            return false;
        }
        return StringSimilarity.editDistance(a, b, allowed) <= allowed || StringSimilarity.sameLetters(a, b)
                || StringSimilarity.jaroWinkler(a, b) >= 0.9;
    }

    private static double sum(List<MatchFeature> features) {
        double s = 0;
        for (MatchFeature f : features) {
            s += f.weight();
        }
        return s;
    }

    static MatchFeature compareEmails(String a, String b) {
        String value = a + " ~ " + b;
        if (a.equals(b)) {
            return MatchFeature.of("email", value, 6.0);
        }
        // Typos move the "@" and the dots too, so typed addresses compare on their letters and digits.
        String la = Text.alnum(a);
        String lb = Text.alnum(b);
        if (Math.min(la.length(), lb.length()) >= 10 && StringSimilarity.editDistance(la, lb, 2) <= 2
                && !numberedMailboxes(a, b)) {
            return MatchFeature.of("email", "typo " + value, 4.5);
        }
        int at = a.indexOf('@');
        int bt = b.indexOf('@');
        if (at >= 4 && bt >= 4 && a.substring(0, at).equals(b.substring(0, bt))) {
            return MatchFeature.of("email", "same mailbox name " + value, 2.5);
        }
        return MatchFeature.of("email", "different " + value, -1.0);
    }

    /** john.smith1@x.com and john.smith2@x.com: the same name numbered apart, so two people. */
    private static boolean numberedMailboxes(String a, String b) {
        String da = Text.digits(a);
        String db = Text.digits(b);
        return !da.isEmpty() && !db.isEmpty() && !da.equals(db)
                && a.replaceAll("[0-9]", "").equals(b.replaceAll("[0-9]", ""));
    }

    /** Both people at a known company domain: the same one is evidence, two different ones weigh against. */
    static Optional<MatchFeature> employerFeature(MatchRecord a, MatchRecord b) {
        if (a.domains().isEmpty() || b.domains().isEmpty()) {
            return Optional.empty();
        }
        for (DomainKey da : a.domains()) {
            for (DomainKey db : b.domains()) {
                if (da.registrable().equals(db.registrable())) {
                    return Optional.of(MatchFeature.of("employer", da.registrable(), 1.5));
                }
            }
        }
        return Optional.of(MatchFeature.of("employer", "different " + a.domains().iterator().next().registrable()
                + " ~ " + b.domains().iterator().next().registrable(), -1.5));
    }

    static Optional<MatchFeature> phoneFeature(MatchRecord a, MatchRecord b, double same, double different) {
        if (a.phones().isEmpty() || b.phones().isEmpty()) {
            return Optional.empty();
        }
        for (String pa : a.phones()) {
            for (String pb : b.phones()) {
                if (samePhone(pa, pb)) {
                    return Optional.of(MatchFeature.of("phone", pa + " ~ " + pb, same));
                }
            }
        }
        return Optional.of(MatchFeature.of("phone", "different " + a.phones() + " ~ " + b.phones(), different));
    }

    /** Equal keys, or one is the other without its country or area code (a local number typed alone). */
    static boolean samePhone(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String da = Text.digits(a);
        String db = Text.digits(b);
        String shorter = da.length() <= db.length() ? da : db;
        String longer = da.length() <= db.length() ? db : da;
        return shorter.length() >= 7 && longer.endsWith(shorter);
    }

    static Optional<MatchFeature> cityFeature(MatchRecord a, MatchRecord b, double same, double similar,
                                              double different) {
        if (a.city().isEmpty() || b.city().isEmpty()) {
            return Optional.empty();
        }
        String ca = a.city().get();
        String cb = b.city().get();
        String value = ca + " ~ " + cb;
        if (ca.equals(cb)) {
            return Optional.of(MatchFeature.of("city", value, same));
        }
        String xa = Text.alnum(ca);
        String xb = Text.alnum(cb);
        if (xa.equals(xb) || firstWord(ca).equals(firstWord(cb))) {
            return Optional.of(MatchFeature.of("city", value, same));
        }
        if (StringSimilarity.jaroWinkler(xa, xb) >= 0.9 || isTypo(xa, xb)) {
            return Optional.of(MatchFeature.of("city", "similar " + value, similar));
        }
        return Optional.of(MatchFeature.of("city", "different " + value, different));
    }

    private static String firstWord(String city) {
        int space = city.indexOf(' ');
        String w = space < 0 ? city : city.substring(0, space);
        return w.length() >= 3 ? w : city;
    }
}
