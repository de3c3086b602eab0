package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.AuditPages;
import dev.orchestrator.domain.audit.AuditEvent;
import java.util.List;

/** Audit pages by {@code seq} (the append order), on the {@code (entity_type, entity_id, seq)} index. */
final class JdbiAuditPages implements AuditPages {
    private final HandleContext db;

    JdbiAuditPages(HandleContext db) {
        this.db = db;
    }

    @Override
    public List<Positioned> byEntity(String entityType, String entityId, long afterPosition, int limit) {
        return db.with(handle -> handle.createQuery(JdbiAuditLog.SELECT
                        + " where entity_type = :type and entity_id = :id and seq > :after order by seq limit :limit")
                .bind("type", entityType)
                .bind("id", entityId)
                .bind("after", afterPosition)
                .bind("limit", limit)
                .map((rs, ctx) -> new Positioned(rs.getLong("seq"), JdbiAuditLog.auditEvent(rs)))
                .list());
    }

    @Override
    public List<AuditEvent> latestRuleDecisions(String entityType, String entityId, int limit) {
        return db.with(handle -> handle.createQuery(JdbiAuditLog.SELECT
                        + " where entity_type = :type and entity_id = :id and rule_id is not null"
                        + " order by seq desc limit :limit")
                .bind("type", entityType)
                .bind("id", entityId)
                .bind("limit", limit)
                .map((rs, ctx) -> JdbiAuditLog.auditEvent(rs))
                .list());
    }
}
