package dev.orchestrator.application.port.out.actions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The action outbox: action jobs written in the transaction of the decision that made them due, and the record
 * of each delivery. A key already queued is not queued again; a key already delivered is not sent again.
 */
public interface ActionOutbox {
    /**
     * Queues the jobs in the caller's transaction; answers the keys that were new (a re-run decision queues
     * none).
     */
    List<String> enqueueKeys(List<ActionJob> jobs, Instant runAt, int maxAttempts);

    /** The action an action job carries. */
    Optional<ActionJob> job(long jobId);

    /** When the action with this key was delivered, if it was. */
    Optional<Instant> deliveredAt(String idempotencyKey);

    /** Records a delivery; a second record of the same key changes nothing. */
    void recordDelivered(String idempotencyKey, long jobId, String channel, String detail, Instant at);
}
