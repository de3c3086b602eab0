package dev.orchestrator.application.port.in;

/** The retention sweep: old raw payloads and audit evidence lose their personal data. */
public interface RetentionUseCase {
    /** One sweep, on this instance only if no other instance is sweeping. */
    RetentionRun run();

    /** Counts since this process started, for {@code /metrics}. */
    RetentionTotals totals();
}
