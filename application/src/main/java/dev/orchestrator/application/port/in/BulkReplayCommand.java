package dev.orchestrator.application.port.in;

import java.time.Instant;
import java.util.Optional;

/**
 * Replay every dead letter of an error class (e.g. {@code slack:500}, {@code crm:alert}) and/or that died in a
 * window ({@code from} inclusive, {@code to} exclusive), at most {@code limit} of them, on behalf of {@code actor}.
 * Running it again replays only what died again since: a replayed job is no longer dead.
 */
public record BulkReplayCommand(Optional<String> errorClass, Optional<Instant> from, Optional<Instant> to,
        int limit, String actor) {
    public BulkReplayCommand {
        if (errorClass.isEmpty() && from.isEmpty() && to.isEmpty()) {
            throw new IllegalArgumentException("name an error class or a time range: replaying everything is one "
                    + "choice too easy to make by accident");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("replay 1 to 500 dead letters at a time");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a replay names the user who asked for it");
        }
    }
}
