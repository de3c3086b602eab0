package dev.orchestrator.application.validate;

import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.List;
import java.util.Optional;

/** A lead whose fields are safe to write, with the corrections made on the way. */
public record ValidatedLead(EmailAddress email, PersonName name, Optional<String> company,
        Optional<String> phoneE164, Optional<Boolean> consent, List<Correction> corrections) {

    public record Correction(String field, String from, String to, String reason) {
    }
}
