package dev.orchestrator.web.pages;

import dev.orchestrator.application.port.in.Dashboard;
import dev.orchestrator.application.port.in.DashboardQuery;
import dev.orchestrator.application.port.in.DashboardUseCase;
import dev.orchestrator.web.auth.BrowserAuth;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /}: throughput, lag, failures, what waits for people, and the stage funnel, as pictures. */
public final class DashboardPage {
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DashboardQuery QUERY = new DashboardQuery(Duration.ofMinutes(60), Duration.ofHours(24));
    private final DashboardUseCase dashboards;

    public DashboardPage(DashboardUseCase dashboards) {
        this.dashboards = dashboards;
    }

    public void show(Context ctx) {
        ctx.render("dashboard.jte", Map.of("model", model(dashboards.dashboard(QUERY)), "chrome",
                BrowserAuth.chrome(ctx)));
    }

    static DashboardPageModel model(Dashboard d) {
        List<BarChart.Point> minutes = d.eventsPerMinute().stream()
                .map(m -> new BarChart.Point(MINUTE.format(m.minute()), m.count(), "events")).toList();
        List<BarChart.Point> failures = d.failuresByClass().entrySet().stream()
                .map(e -> new BarChart.Point(e.getKey(), e.getValue(), "")).toList();
        List<BarChart.Point> funnel = d.funnel().stream()
                .map(step -> new BarChart.Point(step.stage().key(), step.reached(), step.conversionFromPrevious()
                        .map(c -> "(" + percent(c) + " of previous)").orElse(""))).toList();
        List<DashboardPageModel.Card> cards = List.of(
                new DashboardPageModel.Card("Events, last hour", Long.toString(d.eventsInWindow()), "/events", ""),
                new DashboardPageModel.Card("Processing lag", duration(d.processingLag()), "/events?status=received",
                        d.processingLag().compareTo(Duration.ofMinutes(1)) > 0 ? "warn" : ""),
                new DashboardPageModel.Card("Open reviews", Long.toString(d.openReviews()), "/review",
                        d.openReviews() > 0 ? "warn" : ""),
                new DashboardPageModel.Card("Dead letters", Long.toString(d.deadLetters()), "/dead-letters",
                        d.deadLetters() > 0 ? "bad" : ""));
        List<DashboardPageModel.FunnelRow> rows = d.funnel().stream()
                .map(step -> new DashboardPageModel.FunnelRow(step.stage().key(), step.reached(),
                        step.conversionFromPrevious().map(DashboardPage::percent).orElse("")))
                .toList();
        return new DashboardPageModel(DateTimeFormatter.ISO_INSTANT.format(d.asOf().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)), cards,
                BarChart.columns("throughput", "Events per minute", "Webhook events received per minute over the"
                        + " last hour (UTC)", minutes, 15),
                BarChart.rows("failures", "Failures by class, last 24 hours", "Failed or rejected processing steps"
                        + " by error class", failures, "bar-fail"),
                BarChart.rows("funnel", "Stage funnel", "Contacts that reached each stage, with the conversion from"
                        + " the previous stage", funnel, "bar"),
                rows);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static String duration(Duration d) {
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
