package dev.orchestrator.web.boot;

import dev.orchestrator.application.port.in.SweepLifecycleUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the lifecycle sweep on a timer; the sweep's own lock keeps it to one instance. */
final class LifecycleSweepSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleSweepSchedule.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lifecycle-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private final SweepLifecycleUseCase sweep;

    LifecycleSweepSchedule(SweepLifecycleUseCase sweep) {
        this.sweep = sweep;
    }

    LifecycleSweepSchedule start(Duration every) {
        timer.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void runOnce() {
        try {
            SweepLifecycleUseCase.SweepReport report = sweep.sweep(
                    new SweepLifecycleUseCase.SweepCommand(Duration.ofDays(1), 5_000));
            if (report.queued() > 0) {
                LOG.info("lifecycle sweep queued {} re-evaluations", report.queued());
            }
        } catch (RuntimeException e) {
            LOG.error("lifecycle sweep failed: {}", e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
