package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

final class JdbiAuditLog implements AuditLog {
    static final String SELECT = """
            select seq, id, at, kind, entity_type, entity_id, correlation_id, actor_type, actor_name, summary, rule_id,
                   ruleset_version,
                   array(select key from json_each_text(evidence)) as evidence_keys,
                   array(select value from json_each_text(evidence)) as evidence_values
            from audit_events""";

    private static final String INSERT = """
            insert into audit_events (id, at, kind, entity_type, entity_id, correlation_id, actor_type,
                actor_name, summary, rule_id, ruleset_version, evidence)
            values (:id, :at, :kind, :entityType, :entityId, :correlationId, :actorType, :actorName,
                :summary, :ruleId, :rulesetVersion, json_object(:keys, :values))""";

    private final HandleContext db;

    JdbiAuditLog(HandleContext db) {
        this.db = db;
    }

    @Override
    public void append(AuditEvent event) {
        db.use(handle -> bindEvent(handle.createUpdate(INSERT), event).execute());
    }

    private static <S extends SqlStatement<S>> S bindEvent(S statement, AuditEvent event) {
        List<String> keys = new ArrayList<>(event.evidence().keySet());
        List<String> values = keys.stream().map(key -> Text.safe(event.evidence().get(key))).toList();
        return statement
                .bind("id", event.id())
                .bind("at", Timestamp.from(event.at()))
                .bind("kind", event.kind().key())
                .bind("entityType", event.entityType())
                .bind("entityId", event.entityId().orElse(null))
                .bind("correlationId", event.correlationId())
                .bind("actorType", event.actor().type().name().toLowerCase(java.util.Locale.ROOT))
                .bind("actorName", event.actor().name())
                .bind("summary", Text.safe(event.summary()))
                .bind("ruleId", event.ruleId().orElse(null))
                .bind("rulesetVersion", event.rulesetVersion().orElse(null))
                .bindArray("keys", String.class, keys)
                .bindArray("values", String.class, values);
    }

    @Override
    public void appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        db.use(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (AuditEvent event : events) {
                bindEvent(batch, event).add();
            }
            batch.execute();
        });
    }

    @Override
    public List<AuditEvent> byCorrelation(UUID correlationId) {
        return db.with(handle -> handle.createQuery(SELECT + " where correlation_id = :id order by seq")
                .bind("id", correlationId)
                .map((rs, ctx) -> auditEvent(rs))
                .list());
    }

    @Override
    public List<AuditEvent> byEntity(String entityType, String entityId) {
        return db.with(handle -> handle.createQuery(SELECT
                        + " where entity_type = :type and entity_id = :id order by seq")
                .bind("type", entityType)
                .bind("id", entityId)
                .map((rs, ctx) -> auditEvent(rs))
                .list());
    }

    static AuditEvent auditEvent(ResultSet rs) throws SQLException {
        String[] keys = JdbiEventStore.strings(rs.getArray("evidence_keys"));
        String[] values = JdbiEventStore.strings(rs.getArray("evidence_values"));
        Map<String, String> evidence = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            evidence.put(keys[i], values[i]);
        }
        return new AuditEvent(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                AuditKind.fromKey(rs.getString("kind")), rs.getString("entity_type"),
                Optional.ofNullable(rs.getString("entity_id")), rs.getObject("correlation_id", UUID.class),
                new Actor(Actor.Type.valueOf(rs.getString("actor_type").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("actor_name")),
                rs.getString("summary"), Optional.ofNullable(rs.getString("rule_id")),
                Optional.ofNullable(rs.getString("ruleset_version")), evidence);
    }
}
