package dev.orchestrator.adapter.persistence.rules;

import dev.orchestrator.application.port.out.ShadowStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiShadowStore implements ShadowStore {
    private final Jdbi jdbi;

    JdbiShadowStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void attach(Attachment attachment) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into rules_shadow (slot, ruleset_file, version, label, attached_by, attached_at)
                        values (1, :file, :version, :label, :by, :at)
                        on conflict (slot) do update set ruleset_file = excluded.ruleset_file,
                            version = excluded.version, label = excluded.label, attached_by = excluded.attached_by,
                            attached_at = excluded.attached_at""")
                .bind("file", attachment.file())
                .bind("version", attachment.version())
                .bind("label", attachment.label().orElse(null))
                .bind("by", attachment.attachedBy())
                .bind("at", Timestamp.from(attachment.attachedAt()))
                .execute());
    }

    @Override
    public Optional<Attachment> attached() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select ruleset_file, version, label, attached_by, attached_at from rules_shadow where slot = 1""")
                .map((rs, ctx) -> new Attachment(rs.getString("ruleset_file"), rs.getString("version"),
                        Optional.ofNullable(rs.getString("label")), rs.getString("attached_by"),
                        rs.getTimestamp("attached_at").toInstant()))
                .findOne());
    }

    @Override
    public void detach() {
        jdbi.useHandle(h -> h.execute("delete from rules_shadow where slot = 1"));
    }

    @Override
    public void record(Difference d) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into rules_shadow_differences (recorded_at, event_id, contact_id, active_version,
                            shadow_version, active_stage, shadow_stage, active_owner, shadow_owner, active_fit,
                            shadow_fit, active_behavior, shadow_behavior, first_rule, detail)
                        values (:at, :eventId, :contactId, :activeVersion, :shadowVersion, :activeStage, :shadowStage,
                            :activeOwner, :shadowOwner, :activeFit, :shadowFit, :activeBehavior, :shadowBehavior,
                            :firstRule, :detail)
                        on conflict (event_id, contact_id, shadow_version) do nothing""")
                .bind("at", Timestamp.from(d.at()))
                .bind("eventId", d.eventId())
                .bind("contactId", d.contactId())
                .bind("activeVersion", d.activeVersion())
                .bind("shadowVersion", d.shadowVersion())
                .bind("activeStage", d.activeStage())
                .bind("shadowStage", d.shadowStage())
                .bind("activeOwner", d.activeOwner())
                .bind("shadowOwner", d.shadowOwner())
                .bind("activeFit", d.activeFit())
                .bind("shadowFit", d.shadowFit())
                .bind("activeBehavior", d.activeBehavior())
                .bind("shadowBehavior", d.shadowBehavior())
                .bind("firstRule", d.firstRule())
                .bind("detail", d.detail())
                .execute());
    }

    @Override
    public List<Difference> recent(String shadowVersion, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from rules_shadow_differences where shadow_version = :version
                        order by id desc limit :limit""")
                .bind("version", shadowVersion)
                .bind("limit", limit)
                .map((rs, ctx) -> difference(rs))
                .list());
    }

    @Override
    public int count(String shadowVersion) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from rules_shadow_differences where shadow_version = :version")
                .bind("version", shadowVersion)
                .mapTo(Integer.class)
                .one());
    }

    private static Difference difference(ResultSet rs) throws SQLException {
        return new Difference(rs.getTimestamp("recorded_at").toInstant(), rs.getObject("event_id", java.util.UUID.class),
                rs.getString("contact_id"), rs.getString("active_version"), rs.getString("shadow_version"),
                rs.getString("active_stage"), rs.getString("shadow_stage"), rs.getString("active_owner"),
                rs.getString("shadow_owner"), rs.getInt("active_fit"), rs.getInt("shadow_fit"),
                rs.getInt("active_behavior"), rs.getInt("shadow_behavior"), rs.getString("first_rule"),
                rs.getString("detail"));
    }
}
