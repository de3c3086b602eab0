package dev.orchestrator.application.validate;

import dev.orchestrator.domain.crm.Industry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Free-text industry ("Fintech", "Software & SaaS", "Hospitals") to the fixed taxonomy of {@link Industry}:
 * the words forms use that the providers' label rules do not cover first, then those rules.
 */
public final class IndustryNames {
    private static final Map<String, Industry> WORDS = new LinkedHashMap<>();

    static {
        word(Industry.FINANCIAL_SERVICES, "fintech", "banking", "payments", "wealth management", "asset management",
                "private equity", "venture capital", "credit union", "lending");
        word(Industry.SOFTWARE, "tech", "technology", "software development", "cloud", "cybersecurity",
                "cyber security", "devtools", "developer tools", "ai", "machine learning", "gaming", "apps");
        word(Industry.IT_SERVICES, "it", "msp", "managed services", "systems integrator", "it consulting");
        word(Industry.HEALTHCARE, "healthtech", "medtech", "clinic", "dental", "biotechnology");
        word(Industry.RETAIL, "ecom", "d2c", "dtc", "consumer", "fashion", "grocery", "wholesale");
        word(Industry.EDUCATION, "edtech", "university", "school", "k 12", "training");
        word(Industry.PROFESSIONAL_SERVICES, "agency", "law", "law firm", "recruiting", "hr services",
                "advertising", "pr");
        word(Industry.MEDIA, "news", "film", "music", "games studio");
        word(Industry.TELECOMMUNICATIONS, "telco", "isp", "mobile network");
        word(Industry.ENERGY, "solar", "wind", "oil and gas", "power", "cleantech");
        word(Industry.TRANSPORTATION, "freight", "trucking", "aviation", "rail", "supply chain");
        word(Industry.REAL_ESTATE, "property", "proptech", "property management", "realty");
        word(Industry.CONSTRUCTION, "engineering and construction", "civil engineering", "contractor");
        word(Industry.HOSPITALITY, "travel", "tourism", "food and beverage", "hotels", "restaurants");
        word(Industry.GOVERNMENT, "public administration", "federal", "municipal", "defense", "defence");
        word(Industry.NONPROFIT, "ngo", "charity", "foundation", "not for profit");
        word(Industry.AGRICULTURE, "agritech", "agtech", "farm", "forestry", "fishing");
        word(Industry.MANUFACTURING, "factory", "industrial machinery", "electronics", "robotics", "plastics");
    }

    private IndustryNames() {
    }

    private static void word(Industry industry, String... words) {
        for (String w : words) {
            WORDS.put(Names.key(w), industry);
        }
    }

    /** The taxonomy entry for a free-text industry; empty when nothing recognises it. */
    public static Optional<Industry> industry(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String key = Names.key(raw);
        for (Industry industry : Industry.values()) {
            if (Names.key(industry.key()).equals(key)) {
                return Optional.of(industry);
            }
        }
        Industry exact = WORDS.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        Optional<Industry> label = Industry.fromLabel(raw.replace('_', ' '));
        if (label.isPresent()) {
            return label;
        }
        for (String word : key.split(" ")) {
            Industry byWord = WORDS.get(word);
            if (byWord != null && word.length() >= 3) {
                return Optional.of(byWord);
            }
        }
        return Optional.empty();
    }
}
