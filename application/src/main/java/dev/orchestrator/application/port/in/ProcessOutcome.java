package dev.orchestrator.application.port.in;

import java.util.Optional;

/** How processing one event ended (failures that deserve a retry are thrown, not returned). */
public sealed interface ProcessOutcome {

    record Done(Optional<String> crmContactId, boolean created) implements ProcessOutcome {
    }

    record SentToReview(String reason) implements ProcessOutcome {
    }

    /** The event can never be processed (unparseable, unknown shape): dead-letter it, don't retry. */
    record Poison(String reason) implements ProcessOutcome {
    }
}
