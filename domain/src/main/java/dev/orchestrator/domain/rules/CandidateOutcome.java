package dev.orchestrator.domain.rules;

import java.util.Locale;

/** How an owner fared in one routing decision. */
public enum CandidateOutcome {
    ASSIGNED, INACTIVE, OUT_OF_OFFICE, CAPPED, UNKNOWN_OWNER, EXCLUDED, NOT_THEIR_TURN;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
