package dev.orchestrator.application.validate;

import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead whose fields are safe to write, with the corrections made on the way. {@code companyDomain} is the
 * registrable domain of the website, else of a business email; never of a free-mail address.
 */
public record ValidatedLead(EmailAddress email, PersonName name, Optional<String> company,
        Optional<String> companyDomain, Optional<String> phoneE164, Optional<String> country,
        Optional<Boolean> consent, Map<String, String> attributes, List<Correction> corrections) {

    public ValidatedLead {
        attributes = Map.copyOf(attributes);
        corrections = List.copyOf(corrections);
    }

    /** One safe correction, before → after, with the standardizer that made it (named in the audit trail). */
    public record Correction(String field, String from, String to, String reason, String normalizer) {
        public Correction(String field, String from, String to, String reason) {
            this(field, from, to, reason, "validator");
        }
    }
}
