package dev.orchestrator.web.api;

import dev.orchestrator.application.port.in.HealthReport;
import dev.orchestrator.application.port.in.HealthUseCase;
import dev.orchestrator.application.port.out.QueueStats;
import io.javalin.http.Context;
import dev.orchestrator.web.privacy.Redaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health} (JSON, open) and {@code GET /metrics} (Prometheus text, open). */
public final class HealthApi {
    private final HealthUseCase health;
    private final List<MetricsSource> more;

    public HealthApi(HealthUseCase health) {
        this(health, List.of());
    }

    /** @param more further metric families (the webhook edge, the retention sweep) */
    public HealthApi(HealthUseCase health, List<MetricsSource> more) {
        this.health = health;
        this.more = List.copyOf(more);
    }

    public void health(Context ctx) {
        HealthReport report = health.health();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !report.databaseUp() ? "down" : report.healthy() ? "up" : "degraded");
        body.put("database", report.databaseUp() ? Map.of("status", "up")
                : Map.of("status", "down", "error", Redaction.redact(report.databaseError().orElse("unknown"))));
        report.queue().ifPresent(queue -> body.put("queue", Map.of(
                "ready", queue.ready(), "running", queue.running(), "dead", queue.dead(), "done", queue.done(),
                "lagSeconds", queue.oldestReadyAge().toMillis() / 1000.0)));
        body.put("crm", Map.of("name", report.crm().crm(), "status", report.crm().up() ? "up" : "down",
                "detail", Redaction.redact(report.crm().detail())));
        body.put("review", Map.of("open", report.openReviews()));
        for (MetricsSource source : more) {
            if (source instanceof HealthSection section) {
                body.put(section.key(), section.section());
                if (!section.healthy() && "up".equals(body.get("status"))) {
                    body.put("status", "degraded");
                }
            }
        }
        ctx.status(report.databaseUp() ? 200 : 503).json(body);
    }

    public void metrics(Context ctx) {
        HealthReport report = health.health();
        StringBuilder out = new StringBuilder();
        gauge(out, "orchestrator_database_up", "1 when the database answers", report.databaseUp() ? 1 : 0);
        gauge(out, "orchestrator_crm_up", "1 when the CRM answers", report.crm().up() ? 1 : 0);
        if (report.queue().isPresent()) {
            QueueStats queue = report.queue().get();
            out.append("# HELP orchestrator_jobs Jobs in the queue by state\n# TYPE orchestrator_jobs gauge\n");
            out.append("orchestrator_jobs{state=\"ready\"} ").append(queue.ready()).append('\n');
            out.append("orchestrator_jobs{state=\"running\"} ").append(queue.running()).append('\n');
            out.append("orchestrator_jobs{state=\"dead\"} ").append(queue.dead()).append('\n');
            out.append("orchestrator_jobs{state=\"done\"} ").append(queue.done()).append('\n');
            gauge(out, "orchestrator_queue_lag_seconds", "Age of the oldest ready job",
                    queue.oldestReadyAge().toMillis() / 1000.0);
        }
        gauge(out, "orchestrator_review_open", "Open review items", report.openReviews());
        out.append("# HELP orchestrator_events_total Webhook events stored\n# TYPE orchestrator_events_total counter\n");
        out.append("orchestrator_events_total ").append(report.events()).append('\n');
        more.forEach(source -> source.appendTo(out));
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(out.toString());
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append(' ').append(value).append('\n');
    }
}
