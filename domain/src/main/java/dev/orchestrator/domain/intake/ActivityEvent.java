package dev.orchestrator.domain.intake;

import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.shared.DomainViolation;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A website or product signal about a person (DESIGN.md, default {@code activity} payload). */
public record ActivityEvent(String sourceRecordId, String type, EmailAddress email, Instant occurredAt,
        Optional<String> url) {

    /** The signal types of the external contract. */
    public static final Set<String> TYPES = Set.of("page_view", "pricing_page_view", "content_download",
            "webinar_attended", "demo_requested", "product_signup", "meeting_booked", "payment_succeeded");

    public ActivityEvent {
        Require.notBlank("id", sourceRecordId);
        Require.notBlank("type", type);
        type = type.strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new DomainViolation("type", "must be one of " + new java.util.TreeSet<>(TYPES));
        }
        Require.present("email", email);
        Require.present("occurredAt", occurredAt);
        Require.present("url", url);
    }
}
