package dev.orchestrator.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Open operator alerts, one per channel (a CRM, Slack, an outbound webhook): raised when a call fails in a way no
 * retry can fix (expired token, missing scope, deprecated API), cleared when a call on that channel succeeds.
 * Kept in the database so every instance's {@code /health} says the same.
 */
public interface AlertLog {
    /** Raises (or refreshes) the channel's alert; answers true when it was not open before. */
    boolean raise(String channel, String reason, Instant at);

    void clear(String channel, Instant at);

    List<OpenAlert> open();

    record OpenAlert(String channel, String reason, Instant raisedAt) {
    }
}
