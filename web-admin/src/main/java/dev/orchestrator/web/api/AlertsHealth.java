package dev.orchestrator.web.api;

import dev.orchestrator.application.port.in.OperatorAlertsUseCase;
import dev.orchestrator.application.port.out.AlertLog.OpenAlert;
import dev.orchestrator.web.privacy.Redaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code alerts} part of {@code /health}: open operator alerts (expired token, missing scope, unknown
 * webhook) make the service degraded from the first refusal; {@code /metrics} counts them per channel.
 */
public final class AlertsHealth implements HealthSection, MetricsSource {
    private final OperatorAlertsUseCase alerts;

    public AlertsHealth(OperatorAlertsUseCase alerts) {
        this.alerts = alerts;
    }

    @Override
    public String key() {
        return "alerts";
    }

    @Override
    public Map<String, Object> section() {
        List<OpenAlert> open = open();
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("status", open.isEmpty() ? "none" : "open");
        section.put("open", open.stream().map(alert -> Map.of("channel", alert.channel(),
                "reason", Redaction.redact(alert.reason()), "since", alert.raisedAt().toString())).toList());
        return section;
    }

    @Override
    public boolean healthy() {
        return open().isEmpty();
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append("# HELP orchestrator_alerts_open Operator alerts open, per channel\n")
                .append("# TYPE orchestrator_alerts_open gauge\n");
        List<OpenAlert> open = open();
        out.append("orchestrator_alerts_open ").append(open.size()).append('\n');
    }

    /** A database that cannot answer is reported by the database section; here it reads as no alert. */
    private List<OpenAlert> open() {
        try {
            return alerts.openAlerts();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
