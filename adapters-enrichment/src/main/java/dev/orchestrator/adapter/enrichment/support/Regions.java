package dev.orchestrator.adapter.enrichment.support;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Country and state names as providers print them, turned into the codes {@code Headquarters} holds. */
public final class Regions {
    private static final Map<String, String> COUNTRY_BY_NAME = countriesByName();
    private static final Map<String, String> SUBDIVISION_BY_NAME = subdivisionsByName();

    private Regions() {
    }

    /** "United States", "germany", "US", "UK" → ISO alpha-2. */
    public static Optional<String> countryCode(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        String text = nameOrCode.strip();
        if (text.length() == 2) {
            String code = text.toUpperCase(Locale.ROOT);
            return code.equals("UK") ? Optional.of("GB")
                    : COUNTRY_BY_NAME.containsValue(code) ? Optional.of(code) : Optional.empty();
        }
        return Optional.ofNullable(COUNTRY_BY_NAME.get(text.toLowerCase(Locale.ROOT)));
    }

    /** "California" → "CA" where we know the subdivision code; otherwise the name as given. */
    public static Optional<String> region(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        String text = nameOrCode.strip();
        return Optional.of(SUBDIVISION_BY_NAME.getOrDefault(text.toLowerCase(Locale.ROOT), text));
    }

    private static Map<String, String> countriesByName() {
        Map<String, String> byName = new TreeMap<>();
        for (String code : Locale.getISOCountries()) {
            byName.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        byName.put("usa", "US");
        byName.put("united states of america", "US");
        byName.put("uk", "GB");
        byName.put("england", "GB");
        byName.put("scotland", "GB");
        byName.put("wales", "GB");
        byName.put("northern ireland", "GB");
        byName.put("south korea", "KR");
        byName.put("russia", "RU");
        byName.put("czech republic", "CZ");
        byName.put("the netherlands", "NL");
        return Map.copyOf(byName);
    }

    private static Map<String, String> subdivisionsByName() {
        String[][] pairs = {
            {"alabama", "AL"}, {"alaska", "AK"}, {"arizona", "AZ"}, {"arkansas", "AR"}, {"california", "CA"},
            {"colorado", "CO"}, {"connecticut", "CT"}, {"delaware", "DE"}, {"district of columbia", "DC"},
            {"florida", "FL"}, {"georgia", "GA"}, {"hawaii", "HI"}, {"idaho", "ID"}, {"illinois", "IL"},
            {"indiana", "IN"}, {"iowa", "IA"}, {"kansas", "KS"}, {"kentucky", "KY"}, {"louisiana", "LA"},
            {"maine", "ME"}, {"maryland", "MD"}, {"massachusetts", "MA"}, {"michigan", "MI"}, {"minnesota", "MN"},
            {"mississippi", "MS"}, {"missouri", "MO"}, {"montana", "MT"}, {"nebraska", "NE"}, {"nevada", "NV"},
            {"new hampshire", "NH"}, {"new jersey", "NJ"}, {"new mexico", "NM"}, {"new york", "NY"},
            {"north carolina", "NC"}, {"north dakota", "ND"}, {"ohio", "OH"}, {"oklahoma", "OK"},
            {"oregon", "OR"}, {"pennsylvania", "PA"}, {"rhode island", "RI"}, {"south carolina", "SC"},
            {"south dakota", "SD"}, {"tennessee", "TN"}, {"texas", "TX"}, {"utah", "UT"}, {"vermont", "VT"},
            {"virginia", "VA"}, {"washington", "WA"}, {"west virginia", "WV"}, {"wisconsin", "WI"},
            {"wyoming", "WY"},
            {"alberta", "AB"}, {"british columbia", "BC"}, {"manitoba", "MB"}, {"new brunswick", "NB"},
            {"newfoundland and labrador", "NL"}, {"nova scotia", "NS"}, {"ontario", "ON"},
            {"prince edward island", "PE"}, {"quebec", "QC"}, {"saskatchewan", "SK"},
            {"new south wales", "NSW"}, {"victoria", "VIC"}, {"queensland", "QLD"}, {"western australia", "WA"},
            {"south australia", "SA"}, {"tasmania", "TAS"},
            {"bavaria", "BY"}, {"bayern", "BY"}, {"berlin", "BE"}, {"hamburg", "HH"}, {"hesse", "HE"},
            {"hessen", "HE"}, {"baden-wurttemberg", "BW"}, {"baden-württemberg", "BW"},
            {"north rhine-westphalia", "NW"}, {"nordrhein-westfalen", "NW"}, {"lower saxony", "NI"},
            {"saxony", "SN"}};
        Map<String, String> byName = new TreeMap<>();
        for (String[] pair : pairs) {
            byName.put(pair[0], pair[1]);
        }
        return Map.copyOf(byName);
    }
}
