package dev.orchestrator.application.port.out;

import java.time.Duration;

/** How the queue stands: ready and running jobs, dead letters, and how long the oldest ready job has waited. */
public record QueueStats(long ready, long running, long dead, long done, Duration oldestReadyAge) {
}
