package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.dedupe.BlockingKey;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.shared.Require;
import java.util.Comparator;
import java.util.List;

/**
 * One record an identity lookup found, as it was indexed, with why it was found.
 *
 * @param affinity   the sum of 1/(holders of the key) over the shared keys, rounded to nine decimals so every
 *                   implementation ranks ties alike
 * @param sharedKeys the keys it shares with the probe (those not skipped as too common), in key order
 */
public record IdentityCandidate(MatchRecord record, double affinity, List<BlockingKey> sharedKeys) {
    private static final Comparator<BlockingKey> KEY_ORDER =
            Comparator.comparing(BlockingKey::type).thenComparing(BlockingKey::value);

    public IdentityCandidate {
        Require.present("record", record);
        Require.that(affinity > 0, "affinity", "must be positive");
        sharedKeys = Require.present("sharedKeys", sharedKeys).stream().sorted(KEY_ORDER).toList();
    }

    public String recordId() {
        return record.id();
    }

    /** Rounds an affinity the way every implementation must before ranking. */
    public static double rounded(double affinity) {
        return Math.round(affinity * 1e9) / 1e9;
    }
}
