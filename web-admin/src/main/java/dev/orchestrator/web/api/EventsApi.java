package dev.orchestrator.web.api;

import dev.orchestrator.application.port.in.EventQueryUseCase;
import dev.orchestrator.application.port.in.EventView;
import dev.orchestrator.application.port.out.EventSummary;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/events/{eventId}} and {@code GET /api/events}. */
public final class EventsApi {
    private final EventQueryUseCase events;
    private final ApiAuth auth;

    public EventsApi(EventQueryUseCase events, ApiAuth auth) {
        this.events = events;
        this.auth = auth;
    }

    public void one(Context ctx) {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        UUID id = Ids.uuid(ctx.pathParam("eventId"), "eventId");
        EventView view = events.find(id).orElseThrow(() -> new ProblemException(
                Problem.of("not-found", "Event not found", 404, "no event " + id)));
        ctx.json(EventJson.of(view));
    }

    public void recent(Context ctx) {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        int limit = Ids.boundedInt(ctx.queryParam("limit"), "limit", 50, 1, 500);
        ctx.json(Map.of("events", events.recent(limit).stream().map(EventLine::of).toList()));
    }

    /** The event as the external contract names it. */
    public record EventJson(String eventId, String source, String sourceEventId, Instant receivedAt, String status,
            int attempts, String lastError, List<TraceStep> trace, Map<String, String> crmObjectIds) {

        static EventJson of(EventView view) {
            return new EventJson(view.id().toString(), view.source(), view.sourceEventId(), view.receivedAt(),
                    view.status().key(), view.attempts(), view.lastError().orElse(null),
                    view.trace().stream().map(TraceStep::of).toList(), view.crmObjectIds());
        }
    }

    public record TraceStep(Instant at, String step, String actor, String summary, Map<String, String> evidence) {
        static TraceStep of(dev.orchestrator.domain.audit.AuditEvent event) {
            return new TraceStep(event.at(), event.kind().key(), event.actor().name(), event.summary(),
                    event.evidence());
        }
    }

    public record EventLine(String eventId, String source, String sourceEventId, Instant receivedAt, String status,
            String email, String lastError) {
        static EventLine of(EventSummary summary) {
            return new EventLine(summary.id().toString(), summary.source(), summary.sourceEventId(),
                    summary.receivedAt(), summary.status().key(), summary.email().orElse(null),
                    summary.lastError().orElse(null));
        }
    }
}
