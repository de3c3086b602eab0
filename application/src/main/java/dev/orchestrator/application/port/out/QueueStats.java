package dev.orchestrator.application.port.out;

import java.time.Duration;

/** How the queue stands: ready and running jobs, dead letters, and how long the oldest ready job has waited. */
public record QueueStats(long ready, long running, long dead, long done, Duration oldestReadyAge) {

    public static QueueStats of(QueueBacklog backlog, long done) {
        return new QueueStats(backlog.ready(), backlog.running(), backlog.dead(), done, backlog.oldestReadyAge());
    }

    public QueueBacklog backlog() {
        return new QueueBacklog(ready, running, dead, oldestReadyAge);
    }
}
