package dev.orchestrator.application.port.out;

import java.time.Duration;

/**
 * The part of the queue's state that stays small however long the server runs: ready and running jobs, dead
 * letters, and how long the oldest ready job has waited. Counting it reads the queue's partial indexes, never the
 * done jobs, so a health probe costs the same on day one and on day five hundred.
 */
public record QueueBacklog(long ready, long running, long dead, Duration oldestReadyAge) {
}
