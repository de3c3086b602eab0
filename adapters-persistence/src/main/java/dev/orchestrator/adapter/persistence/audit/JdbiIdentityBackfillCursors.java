package dev.orchestrator.adapter.persistence.audit;

import dev.orchestrator.application.port.out.IdentityBackfillCursors;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiIdentityBackfillCursors implements IdentityBackfillCursors {
    private final Jdbi jdbi;

    JdbiIdentityBackfillCursors(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Position> position(String crm, String objectType) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select next_cursor, indexed, done from identity_backfill_cursors
                        where crm = :crm and object_type = :type""")
                .bind("crm", crm).bind("type", objectType)
                .map((rs, ctx) -> new Position(Optional.ofNullable(rs.getString("next_cursor")), rs.getLong("indexed"),
                        rs.getBoolean("done")))
                .findOne());
    }

    @Override
    public void save(String crm, String objectType, Position position) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into identity_backfill_cursors (crm, object_type, next_cursor, indexed, done)
                        values (:crm, :type, :cursor, :indexed, :done)
                        on conflict (crm, object_type) do update set next_cursor = excluded.next_cursor,
                            indexed = excluded.indexed, done = excluded.done""")
                .bind("crm", crm).bind("type", objectType).bind("cursor", position.nextCursor().orElse(null))
                .bind("indexed", position.indexed()).bind("done", position.done()).execute());
    }

    @Override
    public void reset(String crm, String objectType) {
        jdbi.useHandle(h -> h.createUpdate("delete from identity_backfill_cursors where crm = :crm and object_type = :type")
                .bind("crm", crm).bind("type", objectType).execute());
    }
}
