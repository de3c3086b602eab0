package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.SlaAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SLA alert: a warning in the log (the audit trail has the alert already). */
public final class LoggingSlaAlerts implements SlaAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingSlaAlerts.class);

    @Override
    public void raise(SlaAlert alert) {
        LOG.warn("SLA alert{} for contact {} (rule {}): {}", alert.channel().map(c -> " to " + c).orElse(""),
                alert.contactId(), alert.ruleId(), alert.summary());
    }
}
