package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.List;

/**
 * Replay {@code records} (in this order: round-robin turns depend on it) under both rulesets, with the owner
 * directory as it was at the start and time running up to {@code asOf}. At most {@code rowLimit} changed records
 * are returned in detail; the counts always cover every record.
 */
public record DryRunQuery(Ruleset active, Ruleset proposed, List<RecordHistory> records, OwnerRoster owners,
        Instant asOf, int rowLimit) {
    public DryRunQuery {
        Require.present("active", active);
        Require.present("proposed", proposed);
        records = List.copyOf(Require.present("records", records));
        Require.present("owners", owners);
        Require.present("asOf", asOf);
        Require.that(rowLimit >= 0, "rowLimit", "must not be negative");
    }
}
