package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.AlertLog.OpenAlert;
import java.util.List;

/** The alerts an operator must act on (expired token, missing scope, deprecated API): {@code /health} shows them. */
public interface OperatorAlertsUseCase {
    List<OpenAlert> openAlerts();
}
