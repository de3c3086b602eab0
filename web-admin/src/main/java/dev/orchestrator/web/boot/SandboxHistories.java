package dev.orchestrator.web.boot;

import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.rules.SyntheticHistories;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The seeded sandbox population a dry run replays: 25,000 record histories generated from a fixed seed, as of the
 * start of today (UTC), so two dry runs on one day compare the same data.
 */
public final class SandboxHistories {
    public static final long SEED = 20_261_126L;
    public static final int RECORDS = 25_000;
    private static Instant generatedFor;
    private static List<RecordHistory> histories;

    private SandboxHistories() {
    }

    public static synchronized Instant asOf() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS);
    }

    public static synchronized List<RecordHistory> replayable() {
        Instant asOf = asOf();
        if (!asOf.equals(generatedFor)) {
            histories = SyntheticHistories.generate(SEED, RECORDS, asOf);
            generatedFor = asOf;
        }
        return histories;
    }
}
