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
                value(corrections, "country", lead.country()), lead.consent(), lead.attributes());
    }

    private static Optional<String> value(Map<String, String> corrections, String field, Optional<String> sent) {
        if (!corrections.containsKey(field)) {
            return sent;
        }
        String corrected = corrections.get(field).strip();
        return corrected.isEmpty() ? Optional.empty() : Optional.of(corrected);
    }
}
