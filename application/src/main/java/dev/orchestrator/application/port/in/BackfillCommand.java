package dev.orchestrator.application.port.in;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.domain.shared.Require;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * @param records     the CRM's companies and contacts in ascending record id order (as an ordered listing or
 *                    export gives them); a record with first or last name is a contact, else a company
 * @param resumeAfter the last record id a previous run reported; records up to and including it are skipped
 * @param batchSize   records indexed per batch (one transaction each)
 * @param checkpoints told after every batch, so the caller can save where to resume
 */
public record BackfillCommand(Iterator<DedupeRecord> records, Optional<String> resumeAfter, int batchSize,
                              Consumer<BackfillCheckpoint> checkpoints) {
    public static final int DEFAULT_BATCH_SIZE = 500;

    public BackfillCommand {
        Require.present("records", records);
        Require.present("resumeAfter", resumeAfter);
        Require.between("batchSize", batchSize, 1, 100_000);
        Require.present("checkpoints", checkpoints);
    }

    /** A whole backfill from the start, default batch size, checkpoints ignored. */
    public static BackfillCommand fromStart(Iterator<DedupeRecord> records) {
        return new BackfillCommand(records, Optional.empty(), DEFAULT_BATCH_SIZE, checkpoint -> { });
    }
}
