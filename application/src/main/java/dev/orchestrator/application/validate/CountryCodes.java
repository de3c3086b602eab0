package dev.orchestrator.application.validate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Country to ISO 3166-1 alpha-2 from what people type: the code itself, the alpha-3 code, the English name and
 * the name in the main languages of our markets (the JDK's own locale data: "Deutschland", "Allemagne",
 * "Alemania"…), and the common aliases no standard lists ("USA", "U.S.", "UK", "Holland", "South Korea").
 */
public final class CountryCodes {
    private static final Locale[] LANGUAGES = {Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.ITALIAN,
        Locale.forLanguageTag("es"), Locale.forLanguageTag("nl"), Locale.forLanguageTag("pt"),
        Locale.forLanguageTag("sv"), Locale.forLanguageTag("pl")};
    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            BY_KEY.put(Names.key(code), code);
            try {
                BY_KEY.put(Names.key(country.getISO3Country()), code);
            } catch (MissingResourceException e) {
                // no alpha-3 code in the JDK's data for this one; the name still works
            }
            for (Locale language : LANGUAGES) {
                BY_KEY.putIfAbsent(Names.key(country.getDisplayCountry(language)), code);
            }
        }
        alias("US", "usa", "u s", "u s a", "united states of america", "america", "the united states", "the us",
                "estados unidos", "etats unis", "vereinigte staaten");
        alias("GB", "uk", "u k", "great britain", "britain", "england", "scotland", "wales", "northern ireland",
                "the uk", "united kingdom of great britain and northern ireland");
        alias("NL", "holland", "the netherlands", "nederland");
        alias("KR", "south korea", "korea", "republic of korea", "korea south", "korea republic of");
        alias("KP", "north korea");
        alias("RU", "russia", "russian federation");
        alias("CZ", "czech republic", "czechia");
        alias("AE", "uae", "u a e", "emirates");
        alias("VN", "viet nam");
        alias("IR", "iran");
        alias("TW", "taiwan");
        alias("CH", "schweiz", "suisse", "svizzera");
        alias("DE", "deutschland", "west germany");
        alias("ES", "espana");
        alias("MX", "mejico");
        alias("IE", "eire", "republic of ireland");
        alias("CI", "ivory coast");
        alias("TR", "turkey", "turkiye");
    }

    private CountryCodes() {
    }

    private static void alias(String code, String... names) {
        for (String name : names) {
            BY_KEY.put(Names.key(name), code);
        }
    }

    /** The ISO alpha-2 code, or empty when the text names no country we know. */
    public static Optional<String> code(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String key = Names.key(raw);
        String code = BY_KEY.get(key);
        if (code != null) {
            return Optional.of(code);
        }
        // A spelling slip in a long name ("Germnay", "Nederlnd"): the domain's tolerant matcher decides.
        return dev.orchestrator.domain.dedupe.Countries.code(raw).map(c -> c.toUpperCase(Locale.ROOT));
    }
}
