package dev.orchestrator.domain.crm;

import dev.orchestrator.domain.shared.DomainViolation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The intake industry taxonomy: small on purpose, so rules can name an industry ({@code company.industry ==
 * manufacturing}) and every provider's own vocabulary maps onto it.
 */
public enum Industry {
    SOFTWARE,
    IT_SERVICES,
    MANUFACTURING,
    FINANCIAL_SERVICES,
    HEALTHCARE,
    RETAIL,
    EDUCATION,
    PROFESSIONAL_SERVICES,
    MEDIA,
    TELECOMMUNICATIONS,
    ENERGY,
    TRANSPORTATION,
    REAL_ESTATE,
    CONSTRUCTION,
    HOSPITALITY,
    GOVERNMENT,
    NONPROFIT,
    AGRICULTURE,
    OTHER;

    /** One keyword rule: a provider label containing {@code keyword} belongs to {@code industry}. */
    private record LabelRule(String keyword, Industry industry) {
    }

    // Order matters: specific phrases before the generic words they contain ("software" before "services").
    private static final List<LabelRule> LABEL_RULES = List.of(
            new LabelRule("software", SOFTWARE),
            new LabelRule("internet", SOFTWARE),
            new LabelRule("saas", SOFTWARE),
            new LabelRule("computer games", SOFTWARE),
            new LabelRule("information technology", IT_SERVICES),
            new LabelRule("it services", IT_SERVICES),
            new LabelRule("computer & network security", IT_SERVICES),
            new LabelRule("computer networking", IT_SERVICES),
            new LabelRule("semiconductor", MANUFACTURING),
            new LabelRule("hardware", MANUFACTURING),
            new LabelRule("machinery", MANUFACTURING),
            new LabelRule("manufactur", MANUFACTURING),
            new LabelRule("automotive", MANUFACTURING),
            new LabelRule("industrial", MANUFACTURING),
            new LabelRule("chemical", MANUFACTURING),
            new LabelRule("electrical", MANUFACTURING),
            new LabelRule("aerospace", MANUFACTURING),
            new LabelRule("consumer goods", MANUFACTURING),
            new LabelRule("bank", FINANCIAL_SERVICES),
            new LabelRule("insurance", FINANCIAL_SERVICES),
            new LabelRule("financ", FINANCIAL_SERVICES),
            new LabelRule("capital markets", FINANCIAL_SERVICES),
            new LabelRule("investment", FINANCIAL_SERVICES),
            new LabelRule("accounting", PROFESSIONAL_SERVICES),
            new LabelRule("health", HEALTHCARE),
            new LabelRule("hospital", HEALTHCARE),
            new LabelRule("medical", HEALTHCARE),
            new LabelRule("pharma", HEALTHCARE),
            new LabelRule("biotech", HEALTHCARE),
            new LabelRule("life sciences", HEALTHCARE),
            new LabelRule("retail", RETAIL),
            new LabelRule("e-commerce", RETAIL),
            new LabelRule("ecommerce", RETAIL),
            new LabelRule("apparel", RETAIL),
            new LabelRule("consumer discretionary", RETAIL),
            new LabelRule("education", EDUCATION),
            new LabelRule("e-learning", EDUCATION),
            new LabelRule("higher ed", EDUCATION),
            new LabelRule("legal", PROFESSIONAL_SERVICES),
            new LabelRule("law practice", PROFESSIONAL_SERVICES),
            new LabelRule("consulting", PROFESSIONAL_SERVICES),
            new LabelRule("professional services", PROFESSIONAL_SERVICES),
            new LabelRule("staffing", PROFESSIONAL_SERVICES),
            new LabelRule("marketing", PROFESSIONAL_SERVICES),
            new LabelRule("media", MEDIA),
            new LabelRule("publishing", MEDIA),
            new LabelRule("entertainment", MEDIA),
            new LabelRule("broadcast", MEDIA),
            new LabelRule("telecom", TELECOMMUNICATIONS),
            new LabelRule("wireless", TELECOMMUNICATIONS),
            new LabelRule("communication services", TELECOMMUNICATIONS),
            new LabelRule("energy", ENERGY),
            new LabelRule("oil", ENERGY),
            new LabelRule("utilities", ENERGY),
            new LabelRule("renewable", ENERGY),
            new LabelRule("logistics", TRANSPORTATION),
            new LabelRule("transport", TRANSPORTATION),
            new LabelRule("airline", TRANSPORTATION),
            new LabelRule("shipping", TRANSPORTATION),
            new LabelRule("real estate", REAL_ESTATE),
            new LabelRule("construction", CONSTRUCTION),
            new LabelRule("building materials", CONSTRUCTION),
            new LabelRule("architecture", CONSTRUCTION),
            new LabelRule("hospitality", HOSPITALITY),
            new LabelRule("restaurant", HOSPITALITY),
            new LabelRule("leisure", HOSPITALITY),
            new LabelRule("hotel", HOSPITALITY),
            new LabelRule("government", GOVERNMENT),
            new LabelRule("public sector", GOVERNMENT),
            new LabelRule("non-profit", NONPROFIT),
            new LabelRule("nonprofit", NONPROFIT),
            new LabelRule("philanthropy", NONPROFIT),
            new LabelRule("agricultur", AGRICULTURE),
            new LabelRule("farming", AGRICULTURE),
            new LabelRule("food production", AGRICULTURE));

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Industry fromKey(String key) {
        for (Industry industry : values()) {
            if (industry.key().equals(key)) {
                return industry;
            }
        }
        throw new DomainViolation("industry", "unknown industry '" + key + "'");
    }

    /**
     * Maps a provider's free-text label ("Internet Software & Services", "machinery") onto the taxonomy; empty
     * when no rule recognises it, so the caller can leave the field for the next provider instead of guessing.
     */
    public static Optional<Industry> fromLabel(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String text = label.toLowerCase(Locale.ROOT).strip();
        for (Industry industry : values()) {
            if (industry.key().equals(text)) {
                return Optional.of(industry);
            }
        }
        return LABEL_RULES.stream().filter(rule -> text.contains(rule.keyword())).map(LabelRule::industry)
                .findFirst();
    }
}
