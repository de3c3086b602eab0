package dev.orchestrator.domain.rules;

import java.util.Locale;

/** Fit is who the account is (firmographics); behavior is what the person did (signals). */
public enum ScoreKind {
    FIT, BEHAVIOR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
