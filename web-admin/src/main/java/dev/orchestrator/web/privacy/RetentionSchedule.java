package dev.orchestrator.web.privacy;

import dev.orchestrator.application.port.in.RetentionRun;
import dev.orchestrator.application.port.in.RetentionTotals;
import dev.orchestrator.application.port.in.RetentionUseCase;
import dev.orchestrator.web.api.MetricsSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention sweep every so often on a daemon thread (every instance schedules it; the sweep's advisory
 * lock lets one of them work at a time), and shows its counts in {@code /metrics}.
 */
public final class RetentionSchedule implements MetricsSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RetentionUseCase retention;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "retention-sweep");
        thread.setDaemon(true);
        return thread;
    });

    public RetentionSchedule(RetentionUseCase retention) {
        this.retention = retention;
    }

    public RetentionSchedule start(Duration firstAfter, Duration every) {
        timer.scheduleWithFixedDelay(this::runOnce, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One sweep; a failure is logged and the next sweep tries again, so a database hiccup stops nothing. */
    void runOnce() {
        try {
            RetentionRun run = retention.run();
            if (run instanceof RetentionRun.SkippedElsewhere) {
                LOG.debug("retention sweep skipped: another instance holds the lock");
            }
        } catch (RuntimeException e) {
            LOG.error("retention sweep failed: {}", e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void appendTo(StringBuilder out) {
        RetentionTotals totals = retention.totals();
        counter(out, "orchestrator_retention_runs_total", "Retention sweeps this instance ran", totals.runs());
        counter(out, "orchestrator_retention_skipped_total", "Retention sweeps left to another instance",
                totals.skipped());
        counter(out, "orchestrator_retention_raw_events_erased_total",
                "Raw events whose payload lost its personal data to retention", totals.rawEventsErased());
        counter(out, "orchestrator_retention_audit_events_erased_total",
                "Audit entries whose evidence lost its personal data to retention", totals.auditEventsErased());
        out.append("# HELP orchestrator_retention_max_age_days Age after which personal data is erased\n")
                .append("# TYPE orchestrator_retention_max_age_days gauge\n")
                .append("orchestrator_retention_max_age_days ").append(totals.maxAgeDays()).append('\n');
        totals.lastRunAt().ifPresent(at -> out
                .append("# HELP orchestrator_retention_last_run_timestamp_seconds When the last sweep ran\n")
                .append("# TYPE orchestrator_retention_last_run_timestamp_seconds gauge\n")
                .append("orchestrator_retention_last_run_timestamp_seconds ").append(at.getEpochSecond()).append('\n'));
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
