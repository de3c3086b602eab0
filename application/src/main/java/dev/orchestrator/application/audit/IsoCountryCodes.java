package dev.orchestrator.application.audit;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 from {@link Locale#getISOCountries()}; names are recognised through the JDK's English
 * display names, their alpha-3 codes and a few aliases CRMs are full of ("USA", "UK").
 */
public final class IsoCountryCodes implements CountryCodes {
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = names();

    @Override
    public boolean isStandard(String value) {
        return value != null && value.length() == 2 && CODES.contains(value);
    }

    @Override
    public Optional<String> toIso(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && CODES.contains(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(BY_NAME.get(key(text)));
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            names.put(key(locale.getDisplayCountry(Locale.ENGLISH)), code);
            try {
                names.put(key(locale.getISO3Country()), code);
            } catch (java.util.MissingResourceException noAlpha3) {
                // a code without an alpha-3 form is still known by its name
            }
        }
        names.put("usa", "US");
        names.put("us", "US");
        names.put("unitedstatesofamerica", "US");
        names.put("america", "US");
        names.put("uk", "GB");
        names.put("greatbritain", "GB");
        names.put("england", "GB");
        names.put("scotland", "GB");
        names.put("wales", "GB");
        names.put("deutschland", "DE");
        names.put("holland", "NL");
        names.put("thenetherlands", "NL");
        names.put("southkorea", "KR");
        names.put("russia", "RU");
        return Map.copyOf(names);
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
