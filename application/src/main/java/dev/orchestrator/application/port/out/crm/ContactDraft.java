package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.Optional;

/** What we want a CRM contact to say; absent fields are left as the CRM has them. */
public record ContactDraft(EmailAddress email, PersonName name, Optional<String> company, Optional<String> phone,
        Optional<String> lifecycleStage, Optional<String> ownerId) {
}
