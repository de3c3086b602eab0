package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.Optional;

/** A contact as the CRM holds it. */
public record CrmContact(CrmObjectId id, EmailAddress email, PersonName name, Optional<String> company,
        Optional<String> phone, Optional<String> lifecycleStage, Optional<String> ownerId) {
}
