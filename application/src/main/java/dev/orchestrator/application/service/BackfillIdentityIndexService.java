package dev.orchestrator.application.service;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.in.BackfillCheckpoint;
import dev.orchestrator.application.port.in.BackfillCommand;
import dev.orchestrator.application.port.in.BackfillIdentityIndexUseCase;
import dev.orchestrator.application.port.in.BackfillReport;
import dev.orchestrator.application.port.out.IdentityIndex;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.shared.Require;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams the records through the match-record factory into the index a batch at a time (the input is never
 * held whole), reporting a checkpoint after each batch. The ascending-id order is checked, because resuming
 * after an id skips everything at or before it.
 */
public final class BackfillIdentityIndexService implements BackfillIdentityIndexUseCase {
    private final IdentityIndex index;
    private final MatchRecordFactory records;

    public BackfillIdentityIndexService(IdentityIndex index, MatchRecordFactory records) {
        this.index = Objects.requireNonNull(index, "index");
        this.records = Objects.requireNonNull(records, "records");
    }

    @Override
    public BackfillReport backfill(BackfillCommand command) {
        long indexed = 0;
        long skipped = 0;
        int batches = 0;
        Optional<String> previous = Optional.empty();
        Optional<String> lastIndexed = Optional.empty();
        List<MatchRecord> batch = new ArrayList<>(command.batchSize());
        Iterator<DedupeRecord> input = command.records();
        while (input.hasNext()) {
            DedupeRecord next = input.next();
            String id = next.recordId();
            if (previous.isPresent()) {
                Require.that(id.compareTo(previous.get()) > 0, "records",
                        "must come in ascending record id order: " + id + " after " + previous.get());
            }
            previous = Optional.of(id);
            if (command.resumeAfter().isPresent() && id.compareTo(command.resumeAfter().get()) <= 0) {
                skipped++;
                continue;
            }
            batch.add(records.toMatchRecord(next));
            if (batch.size() == command.batchSize()) {
                indexed += flush(batch, indexed, command);
                batches++;
                lastIndexed = previous;
            }
        }
        if (!batch.isEmpty()) {
            indexed += flush(batch, indexed, command);
            batches++;
            lastIndexed = previous;
        }
        return new BackfillReport(indexed, skipped, batches, lastIndexed);
    }

    private int flush(List<MatchRecord> batch, long indexedBefore, BackfillCommand command) {
        int size = batch.size();
        index.indexAll(batch);
        command.checkpoints().accept(new BackfillCheckpoint(batch.get(size - 1).id(), indexedBefore + size));
        batch.clear();
        return size;
    }
}
