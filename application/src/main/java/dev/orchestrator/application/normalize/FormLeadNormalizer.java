package dev.orchestrator.application.normalize;

import dev.orchestrator.application.port.out.PayloadTree;
import dev.orchestrator.domain.intake.LeadEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The field map of the default {@code form} payload (DESIGN.md, "Default payloads"): {@code id, submittedAt,
 * email, firstName, lastName, company, website, phone, country, consent, …}.
 */
public final class FormLeadNormalizer implements LeadNormalizer {

    @Override
    public String version() {
        return "form-v1";
    }

    @Override
    public LeadEvent normalize(String source, String deliveryId, PayloadTree payload) {
        if (!payload.isObject()) {
            throw new UnprocessablePayload("a form payload must be a JSON object");
        }
        return new LeadEvent(
                source,
                payload.text("id").orElse(deliveryId),
                payload.text("submittedAt").flatMap(FormLeadNormalizer::instant),
                payload.text("email"),
                payload.text("firstName"),
                payload.text("lastName"),
                payload.text("company"),
                payload.text("website"),
                payload.text("phone"),
                payload.text("country"),
                payload.bool("consent"),
                attributes(payload));
    }

    private static final String[][] ATTRIBUTES = {{"state"}, {"zip"}, {"budgetRange"}, {"urgency"}, {"message"},
        {"utm", "source"}, {"utm", "medium"}, {"utm", "campaign"}};

    private static Map<String, String> attributes(PayloadTree payload) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String[] path : ATTRIBUTES) {
            payload.text(path).ifPresent(value -> attributes.put(String.join(".", path), value.strip()));
        }
        return attributes;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
