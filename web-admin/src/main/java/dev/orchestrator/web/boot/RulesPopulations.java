package dev.orchestrator.web.boot;

import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.rules.StoredEventHistories;
import dev.orchestrator.web.rules.DryRunPopulations;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The two populations a dry run replays: the seeded sandbox (as of the start of today), and, when a database is
 * at hand, the contacts of the stored events of the last N days (as of now).
 */
final class RulesPopulations implements DryRunPopulations {
    /** More contacts than this in the window are left out (the newest ones); the description says so. */
    static final int STORED_LIMIT = 100_000;

    private final Optional<StoredEventHistories> stored;
    private final Clock clock;

    RulesPopulations(Optional<StoredEventHistories> stored, Clock clock) {
        this.stored = stored;
        this.clock = clock;
    }

    @Override
    public Population sandbox() {
        return new Population(String.format("seeded sandbox: %,d contacts (seed %d)", SandboxHistories.RECORDS,
                SandboxHistories.SEED), SandboxHistories.replayable(), SandboxHistories.asOf());
    }

    @Override
    public Population storedEvents(int days) {
        if (days < 1 || days > StoredEventHistories.MAX_DAYS) {
            throw new IllegalArgumentException("days must be from 1 to " + StoredEventHistories.MAX_DAYS);
        }
        StoredEventHistories histories = stored.orElseThrow(() -> new IllegalStateException(
                "no database: stored events cannot be replayed"));
        Instant asOf = clock.instant();
        List<RecordHistory> records = histories.lastDays(days, asOf, STORED_LIMIT);
        return new Population(String.format("stored events of the last %d days: %,d contacts%s", days,
                records.size(), records.size() >= STORED_LIMIT ? " (limit reached)" : ""), records, asOf);
    }
}
