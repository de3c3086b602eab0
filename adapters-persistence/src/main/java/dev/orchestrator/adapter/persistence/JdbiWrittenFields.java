package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.WrittenFields;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link WrittenFields} in the {@code written_fields} table, one row per record and field. */
final class JdbiWrittenFields implements WrittenFields {
    private final HandleContext db;

    JdbiWrittenFields(HandleContext db) {
        this.db = db;
    }

    @Override
    public Map<String, Written> find(String objectType, String crmId) {
        Map<String, Written> fields = new LinkedHashMap<>();
        db.with(handle -> handle.createQuery("""
                        select field, value, source, provider, confidence, written_at from written_fields
                        where object_type = :type and crm_id = :id order by field""")
                .bind("type", objectType)
                .bind("id", crmId)
                .map((rs, ctx) -> new Written(rs.getString("field"), rs.getString("value"), rs.getString("source"),
                        rs.getString("provider"), rs.getDouble("confidence"),
                        rs.getTimestamp("written_at").toInstant()))
                .list())
                .forEach(w -> fields.put(w.field(), w));
        return fields;
    }

    @Override
    public void record(String objectType, String crmId, List<Written> fields) {
        if (fields.isEmpty()) {
            return;
        }
        db.use(handle -> {
            var batch = handle.prepareBatch("""
                    insert into written_fields (object_type, crm_id, field, value, source, provider, confidence,
                        written_at)
                    values (:type, :id, :field, :value, :source, :provider, :confidence, :at)
                    on conflict (object_type, crm_id, field) do update set value = excluded.value,
                        source = excluded.source, provider = excluded.provider, confidence = excluded.confidence,
                        written_at = excluded.written_at""");
            for (Written w : fields) {
                batch.bind("type", objectType).bind("id", crmId).bind("field", w.field())
                        .bind("value", Text.safe(w.value())).bind("source", w.source())
                        .bind("provider", w.provider()).bind("confidence", w.confidence())
                        .bind("at", Timestamp.from(w.at())).add();
            }
            batch.execute();
        });
    }
}
