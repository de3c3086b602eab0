package dev.orchestrator.adapter.persistence.rules;

import dev.orchestrator.application.port.out.RulesetInForce;
import java.sql.Timestamp;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiRulesetInForce implements RulesetInForce {
    private final Jdbi jdbi;

    JdbiRulesetInForce(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<InForce> current() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select ruleset_file, version, label, base_version, changed_by, changed_at
                        from rules_in_force where slot = 1""")
                .map((rs, ctx) -> new InForce(rs.getString("ruleset_file"), rs.getString("version"),
                        Optional.ofNullable(rs.getString("label")), rs.getString("base_version"),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
                .findOne());
    }

    @Override
    public void put(InForce inForce) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into rules_in_force (slot, ruleset_file, version, label, base_version, changed_by,
                            changed_at)
                        values (1, :file, :version, :label, :base, :by, :at)
                        on conflict (slot) do update set ruleset_file = excluded.ruleset_file,
                            version = excluded.version, label = excluded.label, base_version = excluded.base_version,
                            changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
                .bind("file", inForce.file())
                .bind("version", inForce.version())
                .bind("label", inForce.label().orElse(null))
                .bind("base", inForce.baseVersion())
                .bind("by", inForce.changedBy())
                .bind("at", Timestamp.from(inForce.changedAt()))
                .execute());
    }
}
