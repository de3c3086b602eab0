package dev.orchestrator.application.port.out;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where SLA alerts go. The default logs them; the action layer (Slack and the like) plugs in here with an
 * implementation that enqueues its own job, so an alert is sent, retried and dead-lettered like any action.
 * Called after the breach is committed; an implementation must not throw for a delivery problem.
 */
public interface SlaAlerts {
    void raise(SlaAlert alert);

    /** {@code channel}: the rule's {@code alert} (e.g. {@code #sales-alerts}); the evidence as audited. */
    record SlaAlert(UUID contactId, String ruleId, Optional<String> channel, String summary,
            Map<String, String> evidence) {
        public SlaAlert {
            evidence = Map.copyOf(evidence);
        }
    }
}
