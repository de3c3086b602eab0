package dev.orchestrator.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.in.EventQueryUseCase;
import dev.orchestrator.application.port.in.ResolveOutcome;
import dev.orchestrator.application.port.in.ResolveReviewCommand;
import dev.orchestrator.application.port.in.ResolveReviewUseCase;
import dev.orchestrator.application.port.in.ReviewQueuePage;
import dev.orchestrator.application.port.in.ReviewQueueQuery;
import dev.orchestrator.application.port.in.ReviewQueueUseCase;
import dev.orchestrator.application.port.in.EventView;
import dev.orchestrator.application.port.out.ReviewQueue.ReviewCursor;
import dev.orchestrator.application.port.out.ReviewQueue.ReviewItem;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import dev.orchestrator.web.api.ApiAuth.Role;
import dev.orchestrator.web.auth.BrowserAuth;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /review}: open items, oldest first; {@code GET /review/{id}}: one item with an edit form for the
 * fields at fault and the payload beside it; {@code POST /review/{id}/resolve}: fix and re-run, or dismiss.
 */
public final class ReviewPage {
    static final int PAGE_SIZE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReviewQueueUseCase reviews;
    private final ResolveReviewUseCase resolve;
    private final EventQueryUseCase events;

    public ReviewPage(ReviewQueueUseCase reviews, ResolveReviewUseCase resolve, EventQueryUseCase events) {
        this.reviews = reviews;
        this.resolve = resolve;
        this.events = events;
    }

    public void list(Context ctx) {
        ReviewQueuePage page = reviews.openItems(new ReviewQueueQuery(cursor(ctx.queryParam("after")), PAGE_SIZE));
        List<ReviewPageModel.Row> rows = page.items().stream().map(item -> new ReviewPageModel.Row(
                item.id().toString(), Times.shown(item.createdAt()), item.reason(),
                item.problems().stream().map(p -> p.field() + " " + p.message()).toList(), item.eventId().toString()))
                .toList();
        String notice = ctx.queryParam("resolved") == null ? "" : "rerun".equals(ctx.queryParam("how"))
                ? "Resolved: the event is queued again with the corrected values." : "Dismissed.";
        ctx.render("review.jte", Map.of("model", new ReviewPageModel(rows, page.next()
                .map(c -> "/review?after=" + c.createdAt() + "_" + c.reviewId()).orElse(""),
                ctx.queryParam("after") != null, notice), "chrome", BrowserAuth.chrome(ctx)));
    }

    public void item(Context ctx) {
        UUID id = EventsPage.uuid(ctx.pathParam("id"));
        ReviewItem item = reviews.item(id).orElseThrow(() -> new ProblemException(
                Problem.of("not-found", "Review item not found", 404, "no review item " + id)));
        Optional<EventView> event = events.find(item.eventId());
        JsonNode payload = event.map(e -> tree(e.body())).orElse(JSON.createObjectNode());
        List<ReviewItemModel.Field> fields = new ArrayList<>();
        for (var problem : item.problems()) {
            if (ResolveReviewCommand.CORRECTABLE_FIELDS.contains(problem.field())) {
                JsonNode sent = payload.path(problem.field());
                fields.add(new ReviewItemModel.Field(problem.field(), problem.message(),
                        sent.isValueNode() ? sent.asText() : "",
                        item.corrections().getOrDefault(problem.field(), sent.isValueNode() ? sent.asText() : "")));
            }
        }
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        item.problems().forEach(p -> byField.put(p.field(), p.message()));
        List<ReviewItemModel.Side> sides = new ArrayList<>();
        for (String field : List.of("name", "email", "phone", "domain", "country")) {
            if (byField.containsKey("lead." + field) || byField.containsKey("account." + field)) {
                sides.add(new ReviewItemModel.Side(field, byField.getOrDefault("lead." + field, ""),
                        byField.getOrDefault("account." + field, "")));
            }
        }
        List<String> evidence = item.problems().stream().filter(p -> p.field().startsWith("evidence."))
                .map(p -> p.field().substring("evidence.".length()) + ": " + p.message()).toList();
        List<String> problems = item.problems().stream()
                .filter(p -> !p.field().startsWith("lead.") && !p.field().startsWith("account.")
                        && !p.field().startsWith("evidence."))
                .map(p -> p.field() + " " + p.message()).toList();
        ctx.render("review-item.jte", Map.of("model", new ReviewItemModel(item.id().toString(),
                item.eventId().toString(), Times.shown(item.createdAt()), item.reason(), item.open(),
                item.resolvedBy().orElse(""), problems, fields,
                event.map(e -> Redaction.payload(e.body())).orElse(""), sides, evidence),
                "chrome", BrowserAuth.chrome(ctx)));
    }

    public void resolve(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.OPERATOR, "resolving a review item");
        UUID id = EventsPage.uuid(ctx.pathParam("id"));
        boolean rerun = "rerun".equals(ctx.formParam("action"));
        Map<String, String> corrections = new LinkedHashMap<>();
        if (rerun) {
            ctx.formParamMap().forEach((name, values) -> {
                if (name.startsWith("field.") && !values.isEmpty()) {
                    corrections.put(name.substring("field.".length()), values.get(0));
                }
            });
        }
        ResolveOutcome outcome;
        try {
            outcome = resolve.resolve(new ResolveReviewCommand(id, BrowserAuth.session(ctx).username().orElseThrow(),
                    corrections, rerun));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid correction", 400, e.getMessage(),
                    "field", e.getMessage()));
        }
        if (outcome instanceof ResolveOutcome.NotOpen) {
            throw new ProblemException(Problem.of("conflict", "Not open", 409,
                    "review item " + id + " is not open: resolved already, or unknown"));
        }
        ctx.redirect("/review?resolved=" + id + "&how=" + (rerun ? "rerun" : "dismiss"));
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static Optional<ReviewCursor> cursor(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        int cut = value.lastIndexOf('_');
        try {
            return Optional.of(new ReviewCursor(Instant.parse(value.substring(0, cut)),
                    UUID.fromString(value.substring(cut + 1))));
        } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
