package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.Locale;

/** The SHA-256 of a ruleset file's bytes, in lower-case hex; computed by whoever reads the file. */
public record RulesetVersion(String hash) {
    public RulesetVersion {
        Require.notBlank("rulesetVersion", hash);
        hash = hash.toLowerCase(Locale.ROOT);
        Require.that(hash.matches("[0-9a-f]{64}"), "rulesetVersion", "must be 64 hex digits (SHA-256)");
    }

    /** The first 12 hex digits, enough to tell versions apart on a page. */
    public String shortHash() {
        return hash.substring(0, 12);
    }

    @Override
    public String toString() {
        return hash;
    }
}
