package dev.orchestrator.web.pages;

import dev.orchestrator.application.port.in.EventQueryUseCase;
import dev.orchestrator.application.port.in.HealthReport;
import dev.orchestrator.application.port.in.HealthUseCase;
import dev.orchestrator.application.port.out.EventSummary;
import dev.orchestrator.application.port.out.QueueStats;
import dev.orchestrator.web.auth.BrowserAuth;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** {@code GET /events}: recent events with their status, newest first. */
public final class EventsPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final EventQueryUseCase events;
    private final HealthUseCase health;

    public EventsPage(EventQueryUseCase events, HealthUseCase health) {
        this.events = events;
        this.health = health;
    }

    public void show(Context ctx) {
        HealthReport report = health.health();
        QueueStats queue = report.queue().orElse(new QueueStats(0, 0, 0, 0, Duration.ZERO));
        EventsPageModel model = new EventsPageModel(events.recent(100).stream().map(EventsPage::row).toList(),
                queue.ready(), queue.running(), queue.dead(), report.openReviews());
        ctx.render("events.jte", Map.of("model", model, "chrome", BrowserAuth.chrome(ctx)));
    }

    private static EventsPageModel.Row row(EventSummary event) {
        return new EventsPageModel.Row(event.id().toString(), TIME.format(event.receivedAt()), event.source(),
                event.sourceEventId(), event.status().key(), event.email().orElse(""),
                event.lastError().orElse(""));
    }
}
