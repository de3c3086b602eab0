package dev.orchestrator.domain.dedupe;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Country spellings a CRM intake produces, folded to ISO 3166 alpha-2, so "U.S." and "United States" agree. */
public final class Countries {
    private static final Map<String, String> CODES = new HashMap<>();

    static {
        add("us", "us", "usa", "united states", "united states of america", "u s", "u s a", "estados unidos");
        add("au", "au", "aus", "aust", "australia");
        add("kr", "kr", "kor", "korea", "south korea", "republic of korea", "korea republic of", "korea south");
        add("mx", "mx", "mex", "mexico");
        add("gb", "gb", "uk", "united kingdom", "great britain", "england", "scotland", "wales", "britain");
        add("ca", "ca", "can", "canada");
        add("de", "de", "deu", "germany", "deutschland");
        add("fr", "fr", "fra", "france");
        add("nl", "nl", "nld", "netherlands", "the netherlands", "nederland", "holland");
        add("ie", "ie", "irl", "ireland");
        add("es", "es", "esp", "spain", "espana");
        add("it", "it", "ita", "italy", "italia");
        add("jp", "jp", "jpn", "japan");
        add("cn", "cn", "chn", "china");
        add("in", "in", "ind", "india");
        add("br", "br", "bra", "brazil", "brasil");
        add("nz", "nz", "nzl", "new zealand");
        add("sg", "sg", "sgp", "singapore");
        add("ch", "ch", "che", "switzerland", "schweiz", "suisse");
        add("se", "se", "swe", "sweden");
        add("be", "be", "bel", "belgium");
        add("at", "at", "aut", "austria");
        add("za", "za", "zaf", "south africa");
    }

    private Countries() {
    }

    private static void add(String code, String... names) {
        for (String name : names) {
            CODES.put(name, code);
        }
    }

    /** The ISO code of a spelling, tolerating one typo in a long name ("Astralia", "Nederlnd"). */
    public static Optional<String> code(String raw) {
        String key = Text.spaced(Text.fold(raw), false);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String exact = CODES.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (key.length() >= 5) {
            for (Map.Entry<String, String> e : CODES.entrySet()) {
                if (e.getKey().length() >= 5 && StringSimilarity.editDistance(key, e.getKey(), 1) <= 1) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** Short codes that appear glued to a name as a tag ("Mapbox USA"); long names need a separator to count. */
    static boolean isShortTag(String token) {
        return token.length() <= 4 && CODES.containsKey(token) && !token.equals("in") && !token.equals("it")
                && !token.equals("be") && !token.equals("at") && !token.equals("de") && !token.equals("es")
                && !token.equals("ca") && !token.equals("ch") && !token.equals("can");
    }
}
