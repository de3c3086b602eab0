package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * The ruleset in force on every instance that shares the database: the one place a reload or a promotion is
 * written, so that the other instances follow it (each reads it again every few seconds) instead of keeping the
 * ruleset they started with.
 */
public interface RulesetInForce {
    Optional<InForce> current();

    /** Puts {@code inForce} in force everywhere, replacing what was. */
    void put(InForce inForce);

    /**
     * The ruleset file in force, its version, the version of the {@code RULESET_PATH} file it was put in force on
     * top of ({@code baseVersion}: the same as {@code version} after a reload or a start), who put it there, when.
     */
    record InForce(String file, String version, Optional<String> label, String baseVersion, String changedBy,
            Instant changedAt) {
        public InForce {
            Require.notBlank("file", file);
            Require.notBlank("version", version);
            Require.present("label", label);
            Require.notBlank("baseVersion", baseVersion);
            Require.notBlank("changedBy", changedBy);
            Require.present("changedAt", changedAt);
        }
    }
}
