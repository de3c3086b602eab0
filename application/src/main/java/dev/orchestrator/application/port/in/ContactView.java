package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.crm.Contact;
import java.util.List;

/** A contact and its timeline, oldest first. */
public record ContactView(Contact contact, List<AuditEvent> timeline) {
}
