package dev.orchestrator.domain.intake;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A lead as the orchestrator understands it, whatever form or tool sent it: the canonical fields a source's
 * field map produced, still unvalidated (validation decides what is safe to write). {@code attributes} holds the
 * other canonical fields rules may read by name: {@code state}, {@code zip}, {@code budgetRange}, {@code urgency},
 * {@code utm.source}, {@code utm.medium}, {@code utm.campaign}, {@code message}.
 */
public record LeadEvent(
        String source,
        String sourceRecordId,
        Optional<Instant> submittedAt,
        Optional<String> email,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<String> company,
        Optional<String> website,
        Optional<String> phone,
        Optional<String> country,
        Optional<Boolean> consent,
        Map<String, String> attributes) {

    public LeadEvent {
        Require.notBlank("source", source);
        Require.notBlank("sourceRecordId", sourceRecordId);
        Require.present("submittedAt", submittedAt);
        Require.present("email", email);
        Require.present("firstName", firstName);
        Require.present("lastName", lastName);
        Require.present("company", company);
        Require.present("website", website);
        Require.present("phone", phone);
        Require.present("country", country);
        Require.present("consent", consent);
        attributes = Map.copyOf(Require.present("attributes", attributes));
    }
}
