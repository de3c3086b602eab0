package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.PersonName;
import java.util.Optional;

/**
 * Someone the CRM can assign a record to, by the id the CRM's owner field takes. Deactivated owners are listed too
 * ({@code active == false}) so routing can tell "inactive" from "unknown".
 */
public record CrmOwner(String id, Optional<EmailAddress> email, PersonName name, boolean active) {
}
