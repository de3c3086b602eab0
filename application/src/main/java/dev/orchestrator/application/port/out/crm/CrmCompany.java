package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.Optional;

/** A company as the CRM holds it; {@code domain} in lower case. */
public record CrmCompany(CrmObjectId id, String domain, Optional<String> name) {
}
