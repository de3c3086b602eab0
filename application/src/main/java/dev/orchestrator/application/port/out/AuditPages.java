package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.audit.AuditEvent;
import java.util.List;

/** The audit trail read a page at a time, by its append order, so a long history costs no more than a short one. */
public interface AuditPages {
    /** An entity's audit events after {@code afterPosition} (0 for the first page), oldest first. */
    List<Positioned> byEntity(String entityType, String entityId, long afterPosition, int limit);

    /** An entity's latest rule decisions (audit events that carry a rule id), newest first. */
    List<AuditEvent> latestRuleDecisions(String entityType, String entityId, int limit);

    /** An audit event and its place in the append order. */
    record Positioned(long position, AuditEvent event) {
    }
}
