package dev.orchestrator.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.in.ResolveOutcome;
import dev.orchestrator.application.port.in.ResolveReviewCommand;
import dev.orchestrator.application.port.in.ResolveReviewUseCase;
import dev.orchestrator.application.port.in.ReviewQueuePage;
import dev.orchestrator.application.port.in.ReviewQueueQuery;
import dev.orchestrator.application.port.in.ReviewQueueUseCase;
import dev.orchestrator.application.port.out.ReviewQueue.ReviewCursor;
import dev.orchestrator.application.port.out.ReviewQueue.ReviewItem;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /api/review} (viewer): open items, oldest first. {@code POST /api/review/{id}/resolve} (operator):
 * body {@code {"corrections": {"email": "…"}, "rerun": true}}, both optional; corrections imply a re-run.
 */
public final class ReviewApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReviewQueueUseCase reviews;
    private final ResolveReviewUseCase resolve;
    private final ApiAuth auth;

    public ReviewApi(ReviewQueueUseCase reviews, ResolveReviewUseCase resolve, ApiAuth auth) {
        this.reviews = reviews;
        this.resolve = resolve;
        this.auth = auth;
    }

    public void list(Context ctx) {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        int limit = Ids.boundedInt(ctx.queryParam("limit"), "limit", 50, 1, 500);
        ReviewQueuePage page = reviews.openItems(new ReviewQueueQuery(cursor(ctx.queryParam("after")), limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(ReviewJson::of).toList());
        page.next().ifPresent(c -> body.put("next", c.createdAt() + "_" + c.reviewId()));
        ctx.json(body);
    }

    public void resolve(Context ctx) {
        ApiAuth.Role role = auth.require(ctx, ApiAuth.Role.OPERATOR);
        UUID id = Ids.uuid(ctx.pathParam("id"), "id");
        JsonNode body = body(ctx);
        Map<String, String> corrections = new LinkedHashMap<>();
        JsonNode given = body.path("corrections");
        if (!given.isMissingNode() && !given.isObject()) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid body", 400,
                    "corrections must be an object of field names and values", "corrections", "must be an object"));
        }
        given.properties().forEach(e -> corrections.put(e.getKey(), e.getValue().asText()));
        ResolveOutcome outcome;
        try {
            outcome = resolve.resolve(new ResolveReviewCommand(id, "api-token:" + role.name().toLowerCase(Locale.ROOT),
                    corrections, body.path("rerun").asBoolean(false)));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid correction", 400, e.getMessage(),
                    "corrections", e.getMessage()));
        }
        if (outcome instanceof ResolveOutcome.Resolved resolved) {
            ctx.json(Map.of("reviewId", id.toString(), "eventId", resolved.eventId().toString(),
                    "status", "resolved", "rerun", resolved.rerun()));
        } else {
            throw new ProblemException(Problem.of("not-open", "Not open", 409,
                    "review item " + id + " is not open: resolved already, or unknown"));
        }
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IOException("not an object");
            }
            return node;
        } catch (IOException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid body", 400,
                    "the body must be a JSON object", "body", "not a JSON object"));
        }
    }

    private static Optional<ReviewCursor> cursor(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        int cut = value.lastIndexOf('_');
        try {
            return Optional.of(new ReviewCursor(Instant.parse(value.substring(0, cut)),
                    UUID.fromString(value.substring(cut + 1))));
        } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid parameter", 400,
                    "after must be the next value of a previous page", "after", "not a page cursor"));
        }
    }

    /** A review item as the API shows it. */
    public record ReviewJson(String id, String eventId, String reason, List<Problem.FieldError> problems,
            String status, Instant createdAt) {
        static ReviewJson of(ReviewItem item) {
            return new ReviewJson(item.id().toString(), item.eventId().toString(), item.reason(),
                    item.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList(),
                    item.open() ? "open" : "resolved", item.createdAt());
        }
    }
}
