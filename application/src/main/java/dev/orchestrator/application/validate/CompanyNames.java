package dev.orchestrator.application.validate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A company name as people type it, made presentable and split: white space collapsed, an all-lower-case or
 * shouted name cased, "Acme, The" turned into "The Acme", and the legal form at the end separated and spelled
 * one way ("Acme Holdings, Inc." → name "Acme Holdings", legal form "Inc"). Legal forms of the US, UK, Germany,
 * France, the Netherlands and Belgium, Spain and Mexico, Italy, Japan, Australia, India, Singapore, China,
 * the Nordics, Switzerland and Brazil are known.
 */
public final class CompanyNames {
    /** The name as written to the CRM, its name without the legal form, and the legal form in its usual spelling. */
    public record Standardized(String full, String name, Optional<String> legalForm) {
    }

    private record LegalForm(List<String> keys, String display) {
    }

    private static final List<LegalForm> FORMS = new ArrayList<>();

    static {
        form("Inc", "inc", "incorporated");
        form("LLC", "llc");
        form("Corp", "corp", "corporation");
        form("Co", "co");
        form("LP", "lp");
        form("LLP", "llp");
        form("PLLC", "pllc");
        form("Ltd", "ltd", "limited");
        form("PLC", "plc");
        form("GmbH", "gmbh");
        form("GmbH & Co. KG", "gmbh & co kg", "gmbh and co kg");
        form("AG", "ag");
        form("KG", "kg");
        form("KGaA", "kgaa");
        form("UG (haftungsbeschränkt)", "ug haftungsbeschrankt");
        form("UG", "ug");
        form("e.K.", "ek");
        form("SE", "se");
        form("SA", "sa", "s a");
        form("SAS", "sas");
        form("SASU", "sasu");
        form("SARL", "sarl");
        form("EURL", "eurl");
        form("B.V.", "bv", "b v");
        form("N.V.", "nv", "n v");
        form("BVBA", "bvba");
        form("S.L.", "sl");
        form("S.L.U.", "slu");
        form("S.A. de C.V.", "sa de cv", "s a de c v");
        form("S.A.B. de C.V.", "sab de cv");
        form("S. de R.L. de C.V.", "s de rl de cv", "s de r l de c v");
        form("S.p.A.", "spa");
        form("S.r.l.", "srl");
        form("K.K.", "kk", "kabushiki kaisha", "kabushiki gaisha");
        form("G.K.", "gk", "godo kaisha");
        form("Pty Ltd", "pty ltd", "pty limited", "proprietary limited");
        form("Pvt Ltd", "pvt ltd", "private limited", "pvt limited");
        form("Pte Ltd", "pte ltd", "pte limited");
        form("Co., Ltd.", "co ltd", "coltd", "company limited");
        form("AB", "ab");
        form("ASA", "asa");
        form("AS", "as");
        form("ApS", "aps");
        form("Oy", "oy");
        form("Oyj", "oyj");
        form("Sàrl", "sàrl");
        form("Ltda", "ltda");
        // Longest first, so "Pty Ltd" wins over "Ltd" and "GmbH & Co. KG" over "KG".
        FORMS.sort(Comparator.comparingInt((LegalForm f) -> f.keys().size()).reversed());
    }

    private CompanyNames() {
    }

    private static void form(String display, String... spellings) {
        for (String spelling : spellings) {
            FORMS.add(new LegalForm(Arrays.stream(spelling.split(" ")).map(CompanyNames::tokenKey).toList(), display));
        }
    }

    public static Standardized standardize(String raw) {
        String full = raw.strip().replaceAll("\\s+", " ").replaceAll("\\s+,", ",");
        if (full.toLowerCase(Locale.ROOT).endsWith(", the")) {
            full = "The " + full.substring(0, full.length() - 5).strip();
        }
        full = cased(full);
        List<String> tokens = List.of(full.split(" "));
        List<String> keys = tokens.stream().map(CompanyNames::tokenKey).toList();
        for (LegalForm form : FORMS) {
            int n = form.keys().size();
            if (keys.size() > n && keys.subList(keys.size() - n, keys.size()).equals(form.keys())) {
                String name = String.join(" ", tokens.subList(0, tokens.size() - n)).replaceAll("[,\\s]+$", "");
                if (!name.isBlank()) {
                    return new Standardized(full, name, Optional.of(form.display()));
                }
            }
        }
        return new Standardized(full, full, Optional.empty());
    }

    /** A token as legal forms are compared: accents kept only in "sàrl", dots, commas and parentheses dropped. */
    private static String tokenKey(String token) {
        String lower = token.toLowerCase(Locale.ROOT).replaceAll("[.,()]", "");
        if (lower.equals("sàrl")) {
            return lower;
        }
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /**
     * A name typed all in lower case, or shouted in capitals with a word longer than an acronym, gets each word's
     * first letter capitalised; any other casing ("eBay", "IBM", "McKinsey") is the company's own and stays.
     */
    private static String cased(String name) {
        boolean lower = name.equals(name.toLowerCase(Locale.ROOT)) && !name.equals(name.toUpperCase(Locale.ROOT));
        boolean shouted = name.equals(name.toUpperCase(Locale.ROOT)) && !lower
                && Arrays.stream(name.split("[^\\p{L}]+")).anyMatch(w -> w.length() > 4);
        if (!lower && !shouted) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetterOrDigit(c) && c != '\'';
        }
        return out.toString();
    }
}
