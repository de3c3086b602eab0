package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ResolveReviewCommand;
import dev.orchestrator.domain.intake.LeadEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Field values a person corrected in review, laid over the lead the field map read from the payload. */
final class LeadCorrections {
    /** The canonical lead fields a reviewer may correct. */
    static final List<String> FIELDS = ResolveReviewCommand.CORRECTABLE_FIELDS;

    private LeadCorrections() {
    }

    /** Refuses a field that is not a lead field, so a typo cannot pass silently. */
    static void check(Map<String, String> corrections) {
        for (String field : corrections.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("'" + field + "' is not a correctable field; use one of " + FIELDS);
            }
        }
    }

    static LeadEvent apply(LeadEvent lead, Map<String, String> corrections) {
        return new LeadEvent(lead.source(), lead.sourceRecordId(), lead.submittedAt(),
                value(corrections, "email", lead.email()), value(corrections, "firstName", lead.firstName()),
                value(corrections, "lastName", lead.lastName()), value(corrections, "company", lead.company()),
                value(corrections, "website", lead.website()), value(corrections, "phone", lead.phone()),
                value(corrections, "country", lead.country()), consent(corrections, lead.consent()),
                attributes(corrections, lead.attributes()));
    }

    /** Fields the lead carries among its attributes; a reviewer's blank value removes the one sent. */
    private static final List<String> ATTRIBUTE_FIELDS = List.of("state", "budgetRange", "urgency", "industry",
            "routingTier");

    private static java.util.Map<String, String> attributes(Map<String, String> corrections,
            Map<String, String> sent) {
        java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>(sent);
        for (String field : ATTRIBUTE_FIELDS) {
            if (corrections.containsKey(field)) {
                String corrected = corrections.get(field).strip();
                if (corrected.isEmpty()) {
                    attributes.remove(field);
                } else {
                    attributes.put(field, corrected);
                }
            }
        }
        return attributes;
    }

    /** A reviewer records consent as {@code true} or {@code false}; anything else leaves it as sent. */
    private static Optional<Boolean> consent(Map<String, String> corrections, Optional<Boolean> sent) {
        String corrected = corrections.getOrDefault("consent", "").strip().toLowerCase(java.util.Locale.ROOT);
        if (corrected.equals("true") || corrected.equals("false")) {
            return Optional.of(Boolean.parseBoolean(corrected));
        }
        return sent;
    }

    private static Optional<String> value(Map<String, String> corrections, String field, Optional<String> sent) {
        if (!corrections.containsKey(field)) {
            return sent;
        }
        String corrected = corrections.get(field).strip();
        return corrected.isEmpty() ? Optional.empty() : Optional.of(corrected);
    }
}
