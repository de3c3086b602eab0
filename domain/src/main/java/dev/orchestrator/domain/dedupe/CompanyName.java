package dev.orchestrator.domain.dedupe;

import dev.orchestrator.domain.shared.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company name reduced to what identifies the company: legal forms, country tags, "The", punctuation,
 * "&"/"and" and common abbreviations removed or made canonical, so "The Acme Co., Ltd. (UK)" and "ACME" agree.
 *
 * @param raw      the name as given
 * @param tokens   the identifying words, canonical and singular
 * @param compact  the tokens joined without spaces ("street cred" and "streetcred" agree)
 * @param acronym  the initials of the significant words when there are at least two, else empty
 * @param aliases  compact forms of bracketed alternatives ("PricewaterhouseCoopers (PwC)" gives "pwc")
 */
public record CompanyName(String raw, List<String> tokens, String compact, String acronym, Set<String> aliases) {
    public static final CompanyName NONE = new CompanyName("", List.of(), "", "", Set.of());

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PARENS = Pattern.compile("\\(([^)]*)\\)?");
    private static final Pattern DASH_TAG = Pattern.compile("\\s[-–—]\\s*([^-–—]+)$");
    private static final Pattern DOMAIN_LIKE = Pattern.compile(
            "^(https?://)?(www\\.)?([a-z0-9-]+)(\\.[a-z]{2,})+/?$");

    private static final Set<String> LEGAL = Set.of(
            "inc", "incorporated", "incorporation", "llc", "lc", "llp", "lllp", "lp", "ltd", "limited", "corp",
            "corporation", "co", "cos", "company", "companies", "plc", "ag", "gmbh", "mbh", "kg", "kgaa", "bv", "nv",
            "sa", "sas", "sarl", "srl", "spa", "sl", "pty", "proprietary", "pte", "sdn", "bhd", "ab", "oy", "oyj",
            "asa", "aps", "kk", "ac", "sc", "sapi", "ltda", "cia", "pc", "pllc", "coltd", "corpltd", "ptyltd",
            "se", "bvba", "cv", "rl", "sab", "abp", "as", "ohg", "ug", "ek", "nl", "ulc", "lda");
    // Spanish legal forms keep "de" inside them ("S.A. de C.V."), so they are removed as whole phrases first.
    private static final List<List<String>> LEGAL_PHRASES = List.of(
            List.of("s", "de", "rl", "de", "cv"), List.of("s", "de", "r", "l", "de", "c", "v"),
            List.of("sa", "de", "cv"), List.of("s", "a", "de", "c", "v"), List.of("sapi", "de", "cv"),
            List.of("sab", "de", "cv"), List.of("s", "de", "rl"), List.of("de", "cv"), List.of("s", "a"),
            List.of("l", "l", "c"), List.of("b", "v"), List.of("n", "v"), List.of("p", "l", "c"));
    private static final List<String> LONG_LEGAL = List.of("incorporated", "limited", "corporation",
            "proprietary", "company", "companies");
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("intl", "international"), Map.entry("int'l", "international"),
            Map.entry("tech", "technology"), Map.entry("technologies", "technology"),
            Map.entry("techs", "technology"), Map.entry("svc", "service"), Map.entry("svcs", "service"),
            Map.entry("mgmt", "management"), Map.entry("mgt", "management"), Map.entry("assoc", "association"),
            Map.entry("assn", "association"), Map.entry("natl", "national"), Map.entry("nat'l", "national"),
            Map.entry("univ", "university"), Map.entry("grp", "group"), Map.entry("sys", "system"),
            Map.entry("hldgs", "holding"), Map.entry("hldg", "holding"), Map.entry("mfg", "manufacturing"),
            Map.entry("dept", "department"), Map.entry("ctr", "center"), Map.entry("centre", "center"),
            Map.entry("bros", "brother"), Map.entry("labs", "lab"), Map.entry("laboratories", "lab"),
            Map.entry("laboratory", "lab"), Map.entry("assocs", "associate"), Map.entry("ins", "insurance"),
            Map.entry("fin", "financial"), Map.entry("dev", "development"), Map.entry("soln", "solution"),
            Map.entry("solns", "solution"));
    private static final Set<String> CONNECTORS = Set.of("and", "y", "et", "und", "e");
    // Words initials skip: "Bank of America" is BOA, "Centro de Integración Ciudadana" is CIC.
    private static final Set<String> MINOR = Set.of("of", "de", "la", "del", "el", "los", "las", "the", "for",
            "du", "des", "a", "an");

    public CompanyName {
        Require.present("raw", raw);
        tokens = List.copyOf(tokens);
        Require.present("compact", compact);
        Require.present("acronym", acronym);
        aliases = Collections.unmodifiableSet(new LinkedHashSet<>(aliases));
    }

    public boolean isEmpty() {
        return compact.isEmpty();
    }

    public static CompanyName parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        String text = WHITESPACE.matcher(Text.fold(raw)).replaceAll(" ");
        Matcher domain = DOMAIN_LIKE.matcher(text);
        if (text.indexOf('.') > 0 && text.indexOf(' ') < 0 && domain.matches()) {
            // "acme.com" typed as the company name: its label is the name.
            String label = singular(domain.group(3).replace("-", ""));
            return new CompanyName(raw, List.of(label), label, "", Set.of());
        }
        Set<String> aliases = new LinkedHashSet<>();
        if (text.indexOf('(') >= 0) {
            text = withoutBrackets(text, aliases);
        }
        if (text.indexOf('-') >= 0 || text.indexOf('–') >= 0 || text.indexOf('—') >= 0) {
            Matcher dash = DASH_TAG.matcher(text);
            if (dash.find() && Countries.code(dash.group(1)).isPresent()) {
                text = text.substring(0, dash.start());
            }
        }
        List<String> words = words(text);
        strip(words);
        List<String> tokens = new ArrayList<>(words.size());
        for (String w : words) {
            if (!CONNECTORS.contains(w)) {
                tokens.add(singular(CANONICAL.getOrDefault(w, w)));
            }
        }
        if (tokens.isEmpty()) {
            // A name made only of a legal form or a country is still a name; keep what was there.
            List<String> all = words(Text.fold(raw));
            if (all.isEmpty()) {
                return NONE;
            }
            tokens.addAll(all);
        }
        String compact = String.join("", tokens);
        aliases.remove(compact);
        return new CompanyName(raw, tokens, compact, acronymOf(tokens), aliases);
    }

    /** Removes bracketed parts, keeping those that are not country tags as aliases ("(PwC)"). */
    private static String withoutBrackets(String text, Set<String> aliases) {
        Matcher parens = PARENS.matcher(text);
        StringBuilder main = new StringBuilder();
        while (parens.find()) {
            String inside = parens.group(1).strip();
            if (!inside.isEmpty() && Countries.code(inside).isEmpty()) {
                String alias = Text.alnum(inside);
                if (alias.length() >= 2) {
                    aliases.add(alias);
                }
            }
            parens.appendReplacement(main, " ");
        }
        parens.appendTail(main);
        return main.toString().strip();
    }

    private static List<String> words(String text) {
        String cleaned = Text.spaced(text.replace("&", " and ").replace("+", " and ").replace("@", " at ")
                .replace("'", "").replace("’", "").replace(".", ""), true);
        List<String> words = new ArrayList<>();
        if (cleaned.isEmpty()) {
            return words;
        }
        for (String w : cleaned.split(" ")) {
            words.add(w);
        }
        return words;
    }

    /** Removes a leading "the" and trailing legal forms and country tags, in any order and repetition. */
    private static void strip(List<String> words) {
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        boolean changed = true;
        while (changed && words.size() > 1) {
            changed = false;
            for (List<String> phrase : LEGAL_PHRASES) {
                if (words.size() > phrase.size() && endsWith(words, phrase)) {
                    words.subList(words.size() - phrase.size(), words.size()).clear();
                    changed = true;
                    break;
                }
            }
            if (changed) {
                continue;
            }
            String last = words.get(words.size() - 1);
            String before = words.get(words.size() - 2);
            if (isLegal(last) || Countries.isShortTag(last)
                    || (isLegal(before) && Countries.code(last).isPresent())
                    || (last.length() >= 6 && Countries.code(last).isPresent() && words.size() > 2)) {
                words.remove(words.size() - 1);
                changed = true;
            }
        }
    }

    private static boolean endsWith(List<String> words, List<String> phrase) {
        int offset = words.size() - phrase.size();
        for (int i = 0; i < phrase.size(); i++) {
            if (!words.get(offset + i).equals(phrase.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isLegal(String word) {
        if (LEGAL.contains(word)) {
            return true;
        }
        // Typed legal forms carry typos too ("Incorporatd", "Limitedd"); long words only, so names survive.
        if (word.length() >= 6) {
            for (String legal : LONG_LEGAL) {
                if (StringSimilarity.editDistance(word, legal, 1) <= 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String singular(String word) {
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String acronymOf(List<String> tokens) {
        StringBuilder initials = new StringBuilder();
        for (String t : tokens) {
            if (!MINOR.contains(t)) {
                initials.append(t.charAt(0));
            }
        }
        return initials.length() >= 2 ? initials.toString() : "";
    }
}
