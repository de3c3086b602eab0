package dev.orchestrator.application.port.in;

import dev.orchestrator.domain.shared.Require;

/** Where a backfill stands after a batch: everything up to {@code lastRecordId} is in the index. */
public record BackfillCheckpoint(String lastRecordId, long indexed) {
    public BackfillCheckpoint {
        Require.notBlank("lastRecordId", lastRecordId);
        Require.that(indexed >= 0, "indexed", "must not be negative");
    }
}
