package dev.orchestrator.application.port.in;

import java.util.UUID;

/** What became of a webhook delivery. */
public sealed interface IngestOutcome {

    /** Stored with its processing job; {@code duplicate} when an earlier delivery had the same idempotency key. */
    record Accepted(UUID eventId, boolean duplicate) implements IngestOutcome {
    }

    /** Signed, so stored as evidence, but its body cannot be parsed: dead-lettered, never retried. */
    record StoredUnparseable(UUID eventId, boolean duplicate, String reason) implements IngestOutcome {
    }

    /** Nothing was stored. */
    record Refused(Refusal refusal, String detail) implements IngestOutcome {
    }

    enum Refusal { UNKNOWN_SOURCE, NOT_JSON, MISSING_SIGNATURE, BAD_SIGNATURE, STALE_TIMESTAMP }
}
