package dev.orchestrator.web.api;

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

/** {@code GET /api/dead-letters} (viewer) and {@code POST /api/dead-letters/{id}/replay} (operator). */
public final class DeadLettersApi {
    private final DeadLetterQueryUseCase deadLetters;
    private final ReplayDeadLetterUseCase replay;
    private final ApiAuth auth;

    public DeadLettersApi(DeadLetterQueryUseCase deadLetters, ReplayDeadLetterUseCase replay, ApiAuth auth) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.auth = auth;
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
