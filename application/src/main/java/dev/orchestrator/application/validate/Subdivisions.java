package dev.orchestrator.application.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * US states (with DC and the inhabited territories) and Canadian provinces and territories to ISO 3166-2 codes
 * ({@code US-CA}, {@code CA-ON}) from their codes, names and the postal abbreviations people still type ("Calif.",
 * "Mass.", "Qué."). Other countries' regions are kept as sent: we have no list to check them against.
 */
public final class Subdivisions {
    private static final Map<String, Map<String, String>> BY_COUNTRY = new HashMap<>();

    static {
        Map<String, String> us = new HashMap<>();
        String[][] states = {{"AL", "Alabama", "ala"}, {"AK", "Alaska"}, {"AZ", "Arizona", "ariz"},
            {"AR", "Arkansas", "ark"}, {"CA", "California", "calif", "cali"}, {"CO", "Colorado", "colo"},
            {"CT", "Connecticut", "conn"}, {"DE", "Delaware", "del"}, {"FL", "Florida", "fla"}, {"GA", "Georgia"},
            {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois", "ill"}, {"IN", "Indiana", "ind"}, {"IA", "Iowa"},
            {"KS", "Kansas", "kans"}, {"KY", "Kentucky"}, {"LA", "Louisiana"}, {"ME", "Maine"},
            {"MD", "Maryland"}, {"MA", "Massachusetts", "mass"}, {"MI", "Michigan", "mich"},
            {"MN", "Minnesota", "minn"}, {"MS", "Mississippi", "miss"}, {"MO", "Missouri"},
            {"MT", "Montana", "mont"}, {"NE", "Nebraska", "nebr"}, {"NV", "Nevada", "nev"},
            {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York", "nyc"},
            {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma", "okla"},
            {"OR", "Oregon", "ore"}, {"PA", "Pennsylvania", "penn", "penna"}, {"RI", "Rhode Island"},
            {"SC", "South Carolina"}, {"SD", "South Dakota"}, {"TN", "Tennessee", "tenn"}, {"TX", "Texas", "tex"},
            {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"}, {"WA", "Washington", "wash"},
            {"WV", "West Virginia"}, {"WI", "Wisconsin", "wis", "wisc"}, {"WY", "Wyoming", "wyo"},
            {"DC", "District of Columbia", "washington dc", "washington d c"}, {"PR", "Puerto Rico"},
            {"GU", "Guam"}, {"VI", "US Virgin Islands", "virgin islands"}, {"AS", "American Samoa"},
            {"MP", "Northern Mariana Islands"}};
        for (String[] state : states) {
            add(us, "US", state);
        }
        BY_COUNTRY.put("US", us);
        Map<String, String> ca = new HashMap<>();
        String[][] provinces = {{"AB", "Alberta", "alta"}, {"BC", "British Columbia", "colombie britannique"},
            {"MB", "Manitoba", "man"}, {"NB", "New Brunswick", "nouveau brunswick"},
            {"NL", "Newfoundland and Labrador", "newfoundland", "nfld", "terre neuve et labrador"},
            {"NS", "Nova Scotia", "nouvelle ecosse"}, {"ON", "Ontario", "ont"},
            {"PE", "Prince Edward Island", "pei", "ile du prince edouard"},
            {"QC", "Quebec", "que", "pq", "province de quebec"}, {"SK", "Saskatchewan", "sask"},
            {"NT", "Northwest Territories", "nwt", "territoires du nord ouest"}, {"NU", "Nunavut"},
            {"YT", "Yukon", "yukon territory"}};
        for (String[] province : provinces) {
            add(ca, "CA", province);
        }
        BY_COUNTRY.put("CA", ca);
    }

    private Subdivisions() {
    }

    private static void add(Map<String, String> map, String country, String[] entry) {
        String code = country + "-" + entry[0];
        map.put(Names.key(entry[0]), code);
        map.put(Names.key(code), code);
        for (int i = 1; i < entry.length; i++) {
            map.put(Names.key(entry[i]), code);
        }
    }

    /** Whether this country's subdivisions are checked (the US and Canada). */
    public static boolean knows(String countryCode) {
        return BY_COUNTRY.containsKey(countryCode);
    }

    /** The ISO 3166-2 code of a state or province of {@code countryCode}; empty when it names none. */
    public static Optional<String> code(String countryCode, String raw) {
        Map<String, String> map = BY_COUNTRY.get(countryCode);
        if (map == null || raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(map.get(Names.key(raw)));
    }

    /** A state or province named without its country: found in exactly one of the lists, or not at all. */
    public static Optional<String> codeWithoutCountry(String raw) {
        Optional<String> us = code("US", raw);
        Optional<String> ca = code("CA", raw);
        if (us.isPresent() && ca.isPresent()) {
            return Optional.empty();
        }
        return us.isPresent() ? us : ca;
    }
}
