package dev.orchestrator.web.boot;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.orchestrator.application.port.out.IdGenerator;
import java.util.UUID;

/**
 * Production ids: UUID version 7 (RFC 9562), a millisecond timestamp followed by 74 random bits, injected so the
 * core stays deterministic under test. Ids that grow with time keep every index keyed by them (events, jobs, the
 * audit trail's id, entity and correlation indexes) appending at its right edge: a random UUID sent each insert to
 * a random leaf page, which on a large trail meant a descent of the tree, a page out of cache and, after each
 * checkpoint, a full-page image in the WAL (BENCHMARKS.md §2f).
 */
final class TimeOrderedIds implements IdGenerator {
    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    @Override
    public UUID newId() {
        return generator.generate();
    }
}
