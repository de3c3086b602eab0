package dev.orchestrator.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.in.BulkReplayCommand;
import dev.orchestrator.application.port.in.BulkReplayUseCase;
import dev.orchestrator.application.port.in.DeadLetterDetail;
import dev.orchestrator.application.port.in.DeadLetterDetailUseCase;
import dev.orchestrator.application.port.in.DeadLetterPage;
import dev.orchestrator.application.port.in.DeadLetterQuery;
import dev.orchestrator.application.port.in.DeadLetterQueryUseCase;
import dev.orchestrator.application.port.in.ReplayDeadLetterCommand;
import dev.orchestrator.application.port.in.ReplayDeadLetterUseCase;
import dev.orchestrator.application.port.in.ReplayOutcome;
import dev.orchestrator.application.port.out.DeadLetter;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/dead-letters} and {@code GET /api/dead-letters/{id}} (viewer), {@code POST
 * /api/dead-letters/{id}/replay} and the bulk {@code POST /api/dead-letters/replay} (operator).
 */
public final class DeadLettersApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BULK_DEFAULT = 100;
    private final DeadLetterQueryUseCase deadLetters;
    private final ReplayDeadLetterUseCase replay;
    private final ApiAuth auth;
    private final Optional<BulkReplayUseCase> bulk;
    private final Optional<DeadLetterDetailUseCase> details;

    public DeadLettersApi(DeadLetterQueryUseCase deadLetters, ReplayDeadLetterUseCase replay, ApiAuth auth) {
        this(deadLetters, replay, auth, Optional.empty(), Optional.empty());
    }

    public DeadLettersApi(DeadLetterQueryUseCase deadLetters, ReplayDeadLetterUseCase replay, ApiAuth auth,
            Optional<BulkReplayUseCase> bulk, Optional<DeadLetterDetailUseCase> details) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.auth = auth;
        this.bulk = bulk;
        this.details = details;
    }

    /** One dead letter: its last error body, every failed attempt and its event's decision trace. */
    public void detail(Context ctx) {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        long jobId = Ids.positiveLong(ctx.pathParam("id"), "id");
        DeadLetterDetail detail = details.flatMap(d -> d.detail(jobId)).orElseThrow(() -> new ProblemException(
                Problem.of("not-found", "Not a dead letter", 404, "job " + jobId + " is not dead, or unknown")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deadLetter", DeadLetterJson.of(detail.deadLetter()));
        body.put("kind", detail.kind());
        body.put("attempts", detail.attempts().stream().map(a -> {
            Map<String, Object> attempt = new LinkedHashMap<>();
            attempt.put("attempt", a.attempt());
            attempt.put("at", a.at());
            attempt.put("outcome", a.outcome());
            attempt.put("errorClass", a.errorClass());
            attempt.put("error", a.error());
            return attempt;
        }).toList());
        body.put("trace", detail.trace().stream().map(AuditEventJson::of).toList());
        ctx.json(body);
    }

    /**
     * Bulk replay. Body: {@code {"errorClass": "slack:500", "from": "2026-01-05T00:00:00Z", "to": "…", "limit": 100}}
     * (an error class and/or a time range). Safe to send again: only jobs that are dead at that moment are taken.
     */
    public void replayMany(Context ctx) {
        ApiAuth.Role role = auth.require(ctx, ApiAuth.Role.OPERATOR);
        BulkReplayUseCase useCase = bulk.orElseThrow(() -> new ProblemException(
                Problem.of("not-available", "Bulk replay unavailable", 501, "this server runs no bulk replay")));
        JsonNode body = body(ctx);
        BulkReplayCommand command;
        try {
            command = new BulkReplayCommand(text(body, "errorClass"), instant(body, "from"), instant(body, "to"),
                    body.hasNonNull("limit") ? body.get("limit").asInt(0) : BULK_DEFAULT,
                    "api-token:" + role.name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid replay filter", 400, e.getMessage(),
                    "body", e.getMessage()));
        }
        List<ReplayOutcome> outcomes = useCase.replayMatching(command);
        List<Map<String, Object>> replayed = outcomes.stream()
                .filter(o -> o instanceof ReplayOutcome.Replayed)
                .map(o -> Map.<String, Object>of("jobId", o.jobId(), "eventId",
                        ((ReplayOutcome.Replayed) o).eventId().toString()))
                .toList();
        ctx.json(Map.of("replayed", replayed, "count", replayed.size(),
                "skipped", outcomes.size() - replayed.size()));
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
            if (node == null || !node.isObject()) {
                throw new java.io.IOException("not an object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid body", 400,
                    "the body must be a JSON object", "body", "not a JSON object"));
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        return Optional.ofNullable(body.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(s -> !s.isBlank());
    }

    private static Optional<Instant> instant(JsonNode body, String field) {
        try {
            return text(body, field).map(Instant::parse);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(Problem.ofField("bad-request", "Invalid replay filter", 400,
                    field + " must be an ISO-8601 instant", field, "not an instant"));
        }
    }

    /** Newest first; {@code ?after=<jobId>} continues after a page's {@code next}. */
    public void list(Context ctx) {
        auth.require(ctx, ApiAuth.Role.VIEWER);
        int limit = Ids.boundedInt(ctx.queryParam("limit"), "limit", 50, 1, 500);
        Optional<Long> after = Optional.ofNullable(ctx.queryParam("after")).filter(s -> !s.isBlank())
                .map(s -> Ids.positiveLong(s, "after"));
        DeadLetterPage page = deadLetters.deadLetters(new DeadLetterQuery(after, limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deadLetters", page.deadLetters().stream().map(DeadLetterJson::of).toList());
        page.nextAfterJobId().ifPresent(next -> body.put("next", next));
        ctx.json(body);
    }

    public void replay(Context ctx) {
        ApiAuth.Role role = auth.require(ctx, ApiAuth.Role.OPERATOR);
        long jobId = Ids.positiveLong(ctx.pathParam("id"), "id");
        ReplayOutcome outcome = replay.replay(new ReplayDeadLetterCommand(List.of(jobId),
                "api-token:" + role.name().toLowerCase(Locale.ROOT))).get(0);
        if (outcome instanceof ReplayOutcome.Replayed replayed) {
            ctx.json(Map.of("jobId", jobId, "eventId", replayed.eventId().toString(), "status", "ready"));
        } else {
            throw new ProblemException(Problem.of("not-dead", "Not a dead letter", 409,
                    "job " + jobId + " is not dead: replayed already, or unknown"));
        }
    }

    /** A dead letter as the API shows it: the job, its event, attempts and the error body. */
    public record DeadLetterJson(long jobId, String eventId, String source, String sourceEventId, String email,
            int attempts, int maxAttempts, String error, Instant diedAt) {
        static DeadLetterJson of(DeadLetter d) {
            return new DeadLetterJson(d.jobId(), d.eventId().toString(), d.source(), d.sourceEventId(),
                    d.email().orElse(null), d.attempts(), d.maxAttempts(), d.error(), d.diedAt());
        }
    }
}
