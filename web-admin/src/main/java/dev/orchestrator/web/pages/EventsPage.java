package dev.orchestrator.web.pages;

import dev.orchestrator.application.port.in.EventPage;
import dev.orchestrator.application.port.in.EventQueryUseCase;
import dev.orchestrator.application.port.in.EventSearchQuery;
import dev.orchestrator.application.port.in.EventSearchUseCase;
import dev.orchestrator.application.port.in.EventView;
import dev.orchestrator.application.port.out.EventCursor;
import dev.orchestrator.application.port.out.EventFilter;
import dev.orchestrator.application.port.out.EventSummary;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.intake.EventStatus;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import dev.orchestrator.web.auth.BrowserAuth;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code GET /events}: search by email, domain, source, status and time, in keyset pages; {@code GET /events/{id}}. */
public final class EventsPage {
    static final int PAGE_SIZE = 50;
    private final EventSearchUseCase search;
    private final EventQueryUseCase events;

    public EventsPage(EventSearchUseCase search, EventQueryUseCase events) {
        this.search = search;
        this.events = events;
    }

    public void list(Context ctx) {
        EventsPageModel.Form form = new EventsPageModel.Form(param(ctx, "email"), param(ctx, "domain"),
                param(ctx, "source"), param(ctx, "status"), param(ctx, "from"), param(ctx, "to"));
        String error = "";
        List<EventsPageModel.Row> rows = List.of();
        String next = "";
        try {
            EventFilter filter = new EventFilter(opt(form.email()), opt(form.domain()), opt(form.source()),
                    status(form.status()), Times.input(form.from(), "from"), Times.input(form.to(), "to"));
            EventPage page = search.search(new EventSearchQuery(filter, cursor(ctx.queryParam("after")), PAGE_SIZE));
            rows = page.events().stream().map(EventsPage::row).toList();
            next = page.next().map(cursor -> nextLink(form, cursor)).orElse("");
        } catch (Times.BadInput e) {
            ctx.status(400);
            error = e.getMessage();
        }
        List<String> statuses = Arrays.stream(EventStatus.values()).map(EventStatus::key).toList();
        ctx.render("events.jte", Map.of("model", new EventsPageModel(form, statuses, rows, next,
                ctx.queryParam("after") != null, error), "chrome", BrowserAuth.chrome(ctx)));
    }

    public void detail(Context ctx) {
        UUID id = uuid(ctx.pathParam("eventId"));
        EventView view = events.find(id).orElseThrow(() -> new ProblemException(
                Problem.of("not-found", "Event not found", 404, "no event " + id)));
        ctx.render("event.jte", Map.of("model", detailModel(view), "chrome", BrowserAuth.chrome(ctx)));
    }

    static EventDetailModel detailModel(EventView view) {
        List<EventDetailModel.Step> steps = new ArrayList<>();
        int n = 1;
        for (AuditEvent event : view.trace()) {
            steps.add(step(n++, event));
        }
        Map<String, String> contactLinks = new LinkedHashMap<>();
        view.trace().stream().filter(e -> e.kind() == AuditKind.CRM_WRITTEN && e.entityType().equals("contact"))
                .forEach(e -> e.entityId().ifPresent(cid -> contactLinks.put(
                        e.evidence().getOrDefault("crmId", ""), "/contacts/" + cid)));
        List<EventDetailModel.CrmObject> crm = view.crmObjectIds().entrySet().stream()
                .map(e -> new EventDetailModel.CrmObject(e.getKey(), e.getValue(),
                        contactLinks.getOrDefault(e.getValue(), "")))
                .toList();
        return new EventDetailModel(view.id().toString(), view.source(), view.sourceEventId(),
                Times.shown(view.receivedAt()), view.status().key(), view.attempts(), view.lastError().orElse(""),
                crm, Redaction.headers(view.headers()), Redaction.payload(view.body()), steps);
    }

    static EventDetailModel.Step step(int n, AuditEvent event) {
        return new EventDetailModel.Step(n, Times.shown(event.at()), event.kind().key(),
                event.actor().type().name().toLowerCase(java.util.Locale.ROOT) + ":" + event.actor().name(),
                event.summary(), event.ruleId().orElse(""), event.rulesetVersion().orElse(""),
                Evidence.of(event.evidence()));
    }

    private static EventsPageModel.Row row(EventSummary event) {
        return new EventsPageModel.Row(event.id().toString(), Times.shown(event.receivedAt()), event.source(),
                event.sourceEventId(), event.status().key(), event.email().orElse(""),
                event.lastError().orElse(""));
    }

    private static String nextLink(EventsPageModel.Form form, EventCursor cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("email", form.email());
        params.put("domain", form.domain());
        params.put("source", form.source());
        params.put("status", form.status());
        params.put("from", form.from());
        params.put("to", form.to());
        params.put("after", cursor.receivedAt() + "_" + cursor.eventId());
        StringBuilder link = new StringBuilder("/events?");
        params.forEach((k, v) -> {
            if (!v.isEmpty()) {
                link.append(link.charAt(link.length() - 1) == '?' ? "" : "&").append(k).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return link.toString();
    }

    static Optional<EventCursor> cursor(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        int cut = value.lastIndexOf('_');
        try {
            return Optional.of(new EventCursor(Instant.parse(value.substring(0, cut)),
                    UUID.fromString(value.substring(cut + 1))));
        } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new Times.BadInput("the page link is damaged; start again from the first page");
        }
    }

    private static Optional<EventStatus> status(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventStatus.fromKey(value));
        } catch (IllegalArgumentException e) {
            throw new Times.BadInput("status must be one of received, processing, done, review, dead");
        }
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of("not-found", "Not found", 404, "no such record: " + value));
        }
    }

    static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    private static Optional<String> opt(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
