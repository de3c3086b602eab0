package dev.orchestrator.web.api;

import dev.orchestrator.application.port.in.SweepLifecycleUseCase;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;

/** {@code POST /api/lifecycle/sweep}: run the scheduled lifecycle sweep now (operator). */
public final class SweepApi {
    private final SweepLifecycleUseCase sweep;
    private final ApiAuth auth;

    public SweepApi(SweepLifecycleUseCase sweep, ApiAuth auth) {
        this.sweep = sweep;
        this.auth = auth;
    }

    public void run(Context ctx) {
        auth.require(ctx, ApiAuth.Role.OPERATOR);
        int minAgeSeconds = Ids.boundedInt(ctx.queryParam("minAgeSeconds"), "minAgeSeconds", 86_400, 0, 31_536_000);
        int limit = Ids.boundedInt(ctx.queryParam("limit"), "limit", 5_000, 1, 100_000);
        SweepLifecycleUseCase.SweepReport report = sweep.sweep(
                new SweepLifecycleUseCase.SweepCommand(Duration.ofSeconds(minAgeSeconds), limit));
        ctx.json(Map.of("ranElsewhere", report.ranElsewhere(), "queued", report.queued(),
                "slaBreaches", report.slaBreaches(), "slaReassigned", report.slaReassigned()));
    }
}
