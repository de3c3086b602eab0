package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

final class JdbiAuditLog implements AuditLog {
    static final String SELECT = """
            select seq, id, at, kind, entity_type, entity_id, correlation_id, actor_type, actor_name, summary, rule_id,
                   ruleset_version,
                   array(select key from json_each_text(evidence)) as evidence_keys,
                   array(select value from json_each_text(evidence)) as evidence_values
            from audit_events""";

    /**
     * A trace's events in one statement, bound as one array a column rather than a dozen parameters an event; the
     * events' evidence is one JSON array of their objects ({@link JsonObjects#array}), each kept in its order.
     */
    private static final String INSERT_ALL = """
            insert into audit_events (id, at, kind, entity_type, entity_id, correlation_id, actor_type,
                actor_name, summary, rule_id, ruleset_version, evidence)
            select e.id, e.at, e.kind, e.entity_type, e.entity_id, e.correlation_id, e.actor_type, e.actor_name,
                e.summary, e.rule_id, e.ruleset_version, e.evidence
            from rows from (unnest(:ids::uuid[]), unnest(:ats::timestamptz[]), unnest(:kinds::text[]),
                    unnest(:entityTypes::text[]), unnest(:entityIds::text[]), unnest(:correlationIds::uuid[]),
                    unnest(:actorTypes::text[]), unnest(:actorNames::text[]), unnest(:summaries::text[]),
                    unnest(:ruleIds::text[]), unnest(:rulesetVersions::text[]), json_array_elements(:evidence::json))
                as e(id, at, kind, entity_type, entity_id, correlation_id, actor_type, actor_name, summary, rule_id,
                    ruleset_version, evidence)""";

    private static final Map<String, Function<AuditEvent, String>> COLUMNS = columns();

    private final HandleContext db;

    JdbiAuditLog(HandleContext db) {
        this.db = db;
    }

    @Override
    public void append(AuditEvent event) {
        appendAll(List.of(event));
    }

    @Override
    public void appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        db.write(INSERT_ALL, insert -> {
            COLUMNS.forEach((name, column) -> insert.bindArray(name, Slices.column(events, column)));
            return insert.bind("evidence", JsonObjects.array(events, AuditEvent::evidence));
        });
    }

    /** An audit row's columns as the insert's array parameters name them, each read off an event as text. */
    private static Map<String, Function<AuditEvent, String>> columns() {
        Map<String, Function<AuditEvent, String>> columns = new LinkedHashMap<>();
        columns.put("ids", event -> event.id().toString());
        columns.put("ats", event -> event.at().toString());
        columns.put("kinds", event -> event.kind().key());
        columns.put("entityTypes", AuditEvent::entityType);
        columns.put("entityIds", event -> event.entityId().orElse(null));
        columns.put("correlationIds", event -> event.correlationId().toString());
        columns.put("actorTypes", event -> event.actor().type().name().toLowerCase(Locale.ROOT));
        columns.put("actorNames", event -> event.actor().name());
        columns.put("summaries", event -> Text.safe(event.summary()));
        columns.put("ruleIds", event -> event.ruleId().orElse(null));
        columns.put("rulesetVersions", event -> event.rulesetVersion().orElse(null));
        return Collections.unmodifiableMap(columns);
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
                new Actor(Actor.Type.valueOf(rs.getString("actor_type").toUpperCase(Locale.ROOT)),
                        rs.getString("actor_name")),
                rs.getString("summary"), Optional.ofNullable(rs.getString("rule_id")),
                Optional.ofNullable(rs.getString("ruleset_version")), evidence);
    }
}
