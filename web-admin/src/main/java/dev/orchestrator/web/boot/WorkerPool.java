package dev.orchestrator.web.boot;

import dev.orchestrator.application.service.JobWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Threads that keep claiming jobs; an idle worker waits a little before asking again. */
final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration IDLE_WAIT = Duration.ofMillis(50);
    private static final Duration ERROR_WAIT = Duration.ofSeconds(1);

    private final JobWorker worker;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private final Object idle = new Object();

    WorkerPool(JobWorker worker, int size) {
        this.worker = worker;
        for (int i = 0; i < size; i++) {
            Thread thread = new Thread(this::loop, "worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void loop() {
        while (running) {
            try {
                if (worker.runOnce() == 0) {
                    synchronized (idle) {
                        idle.wait(IDLE_WAIT.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The queue itself failed (database down): jobs stay in PostgreSQL, so waiting loses nothing.
                LOG.warn("worker could not claim jobs: {}", e.toString());
                try {
                    Thread.sleep(ERROR_WAIT.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Work was just enqueued on this instance: one idle worker looks now instead of at its next poll (waking every
     * worker for one job made the others claim nothing: three empty claims per lead). Other instances still find
     * it by polling.
     */
    void wake() {
        synchronized (idle) {
            idle.notify();
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (idle) {
            idle.notifyAll();
        }
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
