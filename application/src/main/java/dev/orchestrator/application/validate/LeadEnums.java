package dev.orchestrator.application.validate;

import dev.orchestrator.domain.classification.RoutingTier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The closed vocabularies of a lead's form fields, each with the spellings forms send for its values. A value
 * outside them is not guessed at: the lead goes to review naming the allowed values.
 */
public enum LeadEnums {
    /** Annual budget in US dollars, as form dropdowns bucket it. */
    BUDGET_RANGE("budgetRange", aliases(
            "under-10k", List.of("under 10k", "below 10k", "less than 10k", "lt 10k", "0 10k", "0 10000",
                    "under 10000", "10k or less", "up to 10k", "small"),
            "10k-50k", List.of("10k 50k", "10 50k", "10000 50000", "10k to 50k", "10 000 50 000"),
            "50k-100k", List.of("50k 100k", "50 100k", "50000 100000", "50k to 100k", "50 000 100 000"),
            "100k-500k", List.of("100k 500k", "100 500k", "100000 500000", "100k to 500k", "100 000 500 000"),
            "over-500k", List.of("over 500k", "500k", "500k plus", "more than 500k", "above 500k", "gt 500k",
                    "500000", "500k or more", "enterprise"),
            "unknown", List.of("not sure", "unsure", "don t know", "no budget yet", "tbd"))),
    /** When the buyer means to act. */
    URGENCY("urgency", aliases(
            "immediate", List.of("asap", "now", "urgent", "immediately", "right away", "this week",
                    "this month", "high"),
            "this-quarter", List.of("this quarter", "within 3 months", "1 3 months", "next 3 months", "soon",
                    "medium", "q1", "q2", "q3", "q4"),
            "this-year", List.of("this year", "within 12 months", "3 12 months", "6 months", "next 6 months",
                    "later this year", "low"),
            "exploring", List.of("just looking", "researching", "no timeline", "not sure", "browsing",
                    "no rush", "exploring options"))),
    /** The lane a lead asks for, when a form or tool sends one. */
    ROUTING_TIER("routingTier", tiers());

    private final String field;
    private final Map<String, String> byKey;

    LeadEnums(String field, Map<String, String> byKey) {
        this.field = field;
        this.byKey = byKey;
    }

    public String field() {
        return field;
    }

    /** The canonical value for a spelling, or empty when it is none of them. */
    public Optional<String> canonical(String raw) {
        return raw == null ? Optional.empty() : Optional.ofNullable(byKey.get(Names.key(raw)));
    }

    public List<String> allowed() {
        return byKey.values().stream().distinct().sorted().toList();
    }

    private static Map<String, String> aliases(Object... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String value = (String) pairs[i];
            map.put(Names.key(value), value);
            @SuppressWarnings("unchecked")
            List<String> spellings = (List<String>) pairs[i + 1];
            spellings.forEach(s -> map.put(Names.key(s), value));
        }
        return map;
    }

    private static Map<String, String> tiers() {
        Map<String, String> map = new LinkedHashMap<>();
        for (RoutingTier tier : RoutingTier.values()) {
            map.put(Names.key(tier.key()), tier.key());
        }
        map.put(Names.key("self-serve"), RoutingTier.SELF_SERVE.key());
        map.put(Names.key("selfserve"), RoutingTier.SELF_SERVE.key());
        map.put(Names.key("high priority"), RoutingTier.PRIORITY.key());
        return map;
    }
}
