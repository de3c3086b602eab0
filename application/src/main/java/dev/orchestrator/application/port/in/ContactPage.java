package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.AuditPages.Positioned;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.crm.Contact;
import java.util.List;
import java.util.OptionalLong;

/**
 * A contact, the rule decisions that explain its stage and owner (newest first), and one page of its timeline
 * (oldest first) with where the next page starts.
 */
public record ContactPage(Contact contact, List<AuditEvent> decisions, List<Positioned> timeline,
        OptionalLong nextPosition) {
}
