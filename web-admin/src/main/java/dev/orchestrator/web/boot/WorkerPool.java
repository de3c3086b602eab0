package dev.orchestrator.web.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that keep claiming jobs. A worker that found nothing waits before asking again, twice as long each time
 * it finds nothing (50 ms up to 1 s): four workers asking twenty times a second kept an idle server's PostgreSQL
 * busy with 80 empty claims a second (~8 % of a core here). Work enqueued on this instance wakes one waiting worker
 * at once, so the longer wait only delays what no one announces: a retry coming due, a job another instance
 * enqueued.
 */
final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    static final Duration FIRST_IDLE_WAIT = Duration.ofMillis(50);
    static final Duration LONGEST_IDLE_WAIT = Duration.ofSeconds(1);
    private static final Duration ERROR_WAIT = Duration.ofSeconds(1);

    private final IntSupplier claimAndRun;
    private final Duration firstWait;
    private final Duration longestWait;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private final Object idle = new Object();
    /** How many times work was announced; guarded by {@code idle}. */
    private long announced;

    /** {@code claimAndRun} claims one batch, runs it and answers how many jobs it claimed. */
    WorkerPool(IntSupplier claimAndRun, int size) {
        this(claimAndRun, size, FIRST_IDLE_WAIT, LONGEST_IDLE_WAIT);
    }

    WorkerPool(IntSupplier claimAndRun, int size, Duration firstWait, Duration longestWait) {
        this.claimAndRun = claimAndRun;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        for (int i = 0; i < size; i++) {
            Thread thread = new Thread(this::loop, "worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** The wait after an empty claim that followed a wait of {@code previous}. */
    static Duration nextIdleWait(Duration previous, Duration longest) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(longest) > 0 ? longest : doubled;
    }

    private void loop() {
        Duration wait = firstWait;
        while (running) {
            try {
                long seen;
                synchronized (idle) {
                    seen = announced;
                }
                if (claimAndRun.getAsInt() > 0) {
                    wait = firstWait;
                    continue;
                }
                synchronized (idle) {
                    // Work announced while this worker was claiming may have been committed after its claim looked.
                    if (announced == seen && running) {
                        idle.wait(wait.toMillis());
                    }
                }
                wait = nextIdleWait(wait, longestWait);
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
            announced++;
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
