package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.OperatorAlertsUseCase;
import dev.orchestrator.application.port.out.AlertLog;
import dev.orchestrator.application.port.out.AlertLog.OpenAlert;
import dev.orchestrator.application.port.out.notify.OperatorNotifier;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures no retry can fix (an expired token, a missing scope, a deprecated API version, an unknown Slack
 * webhook) go to an operator at once, the first time they happen, not after the last retry: the channel's alert
 * opens (so {@code /health} is degraded on every instance) and the operator is told. The next success on that
 * channel closes it.
 */
public final class OperatorAlertService implements OperatorAlertsUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorAlertService.class);
    private final AlertLog alerts;
    private final OperatorNotifier notifier;
    private final Clock clock;
    /** Channels known to have an open alert: a success on any other channel costs no database round trip. */
    private final java.util.Set<String> knownOpen = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public OperatorAlertService(AlertLog alerts, OperatorNotifier notifier, Clock clock) {
        this.alerts = alerts;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Opens the channel's alert; tells the operator when it was not open yet (one message per outage). */
    public void raise(String channel, String reason) {
        boolean fresh;
        knownOpen.add(channel);
        try {
            fresh = alerts.raise(channel, reason, clock.instant());
        } catch (RuntimeException e) {
            LOG.error("ALERT {} (not recorded: {}): {}", channel, e.toString(), reason);
            fresh = true;
        }
        if (fresh) {
            notifier.alert(channel, reason);
        }
    }

    /** A call on the channel succeeded: its alert, if one is open, closes. */
    public void cleared(String channel) {
        if (knownOpen.remove(channel)) {
            alerts.clear(channel, clock.instant());
        }
    }

    /** Also tells this instance which alerts another instance raised, so its next success there closes them. */
    @Override
    public List<OpenAlert> openAlerts() {
        List<OpenAlert> open = alerts.open();
        open.forEach(alert -> knownOpen.add(alert.channel()));
        return open;
    }
}
