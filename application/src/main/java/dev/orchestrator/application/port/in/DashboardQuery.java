package dev.orchestrator.application.port.in;

import java.time.Duration;

/** The dashboard over the last {@code throughputWindow} (events per minute) and {@code failureWindow}. */
public record DashboardQuery(Duration throughputWindow, Duration failureWindow) {

    public DashboardQuery {
        if (throughputWindow.toMinutes() < 1 || throughputWindow.toMinutes() > 24 * 60) {
            throw new IllegalArgumentException("the throughput window is 1 minute to 24 hours");
        }
    }
}
