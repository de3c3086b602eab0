package dev.orchestrator.web.pages;

import dev.orchestrator.application.port.in.DeadLetterPage;
import dev.orchestrator.application.port.in.DeadLetterQuery;
import dev.orchestrator.application.port.in.DeadLetterQueryUseCase;
import dev.orchestrator.application.port.in.ReplayDeadLetterCommand;
import dev.orchestrator.application.port.in.ReplayDeadLetterUseCase;
import dev.orchestrator.application.port.in.ReplayOutcome;
import dev.orchestrator.application.port.out.DeadLetter;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import dev.orchestrator.web.api.ApiAuth.Role;
import dev.orchestrator.web.auth.BrowserAuth;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /dead-letters}: the dead jobs with their error body; {@code POST /dead-letters/replay}: one or many. */
public final class DeadLettersPage {
    static final int PAGE_SIZE = 50;
    private final DeadLetterQueryUseCase deadLetters;
    private final ReplayDeadLetterUseCase replay;

    public DeadLettersPage(DeadLetterQueryUseCase deadLetters, ReplayDeadLetterUseCase replay) {
        this.deadLetters = deadLetters;
        this.replay = replay;
    }

    public void list(Context ctx) {
        Optional<Long> after = jobId(ctx.queryParam("after"));
        DeadLetterPage page = deadLetters.deadLetters(new DeadLetterQuery(after, PAGE_SIZE));
        List<DeadLettersPageModel.Row> rows = page.deadLetters().stream().map(DeadLettersPage::row).toList();
        String notice = notice(ctx.queryParam("replayed"), ctx.queryParam("skipped"));
        ctx.render("dead-letters.jte", Map.of("model", new DeadLettersPageModel(rows,
                page.nextAfterJobId().map(id -> "/dead-letters?after=" + id).orElse(""), after.isPresent(), notice),
                "chrome", BrowserAuth.chrome(ctx)));
    }

    /** A row's own button sends {@code jobId}; "replay selected" sends the ticked {@code selected} boxes. */
    public void replay(Context ctx) {
        BrowserAuth.requireRole(ctx, Role.OPERATOR, "replaying a dead letter");
        List<String> chosen = ctx.formParam("jobId") != null ? List.of(ctx.formParam("jobId"))
                : ctx.formParams("selected");
        if (chosen.isEmpty()) {
            ctx.redirect("/dead-letters?replayed=0");
            return;
        }
        List<Long> ids = chosen.stream().map(v -> jobId(v).orElseThrow(() -> new ProblemException(Problem.ofField(
                "bad-request", "Invalid job id", 400, "job ids are whole numbers", "jobId", "not a job id"))))
                .toList();
        List<ReplayOutcome> outcomes = replay.replay(new ReplayDeadLetterCommand(ids,
                BrowserAuth.session(ctx).username().orElseThrow()));
        long replayed = outcomes.stream().filter(o -> o instanceof ReplayOutcome.Replayed).count();
        ctx.redirect("/dead-letters?replayed=" + replayed + "&skipped=" + (outcomes.size() - replayed));
    }

    private static DeadLettersPageModel.Row row(DeadLetter d) {
        String error = d.error();
        String shortError = error.length() > 160 ? error.substring(0, 160) + "…" : error;
        return new DeadLettersPageModel.Row(d.jobId(), d.eventId().toString(), d.source(), d.sourceEventId(),
                d.email().orElse(""), d.attempts() + " / " + d.maxAttempts(), shortError, error,
                error.length() > 160, Times.shown(d.diedAt()));
    }

    private static String notice(String replayed, String skipped) {
        if (replayed == null) {
            return "";
        }
        String text = "Replayed " + jobId(replayed).orElse(0L) + " dead letter(s): back in the queue.";
        long notDead = jobId(skipped).orElse(0L);
        return notDead > 0 ? text + " " + notDead + " were not dead any more and were left alone." : text;
    }

    static Optional<Long> jobId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
