package dev.orchestrator.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place exceptions become HTTP answers: always {@code application/problem+json}, never a stack trace. */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private final ObjectMapper json;

    public ErrorMapping(ObjectMapper json) {
        this.json = json;
    }

    public void install(JavalinConfig config) {
        config.routes.exception(ProblemException.class, (e, ctx) -> answer(ctx, e.problem()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, fromHttp(e)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, Problem.of("internal", "Internal error", 500,
                    "the request could not be completed; see the server log"));
        });
        config.routes.error(404, "*", ctx -> {
            if (!isProblem(ctx)) {
                answer(ctx, Problem.of("not-found", "Not found", 404, "no resource at " + ctx.path()));
            }
        });
        config.routes.error(405, "*", ctx -> {
            if (!isProblem(ctx)) {
                answer(ctx, Problem.of("method-not-allowed", "Method not allowed", 405,
                        ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/problem+json");
    }

    private static Problem fromHttp(HttpResponseException e) {
        if (e.getStatus() == 413) {
            return Problem.of("body-too-large", "Body too large", 413, "the request body is over the 1 MiB limit");
        }
        return Problem.of("http-" + e.getStatus(), e.getMessage(), e.getStatus(), e.getMessage());
    }

    public void answer(Context ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"Internal error\",\"status\":500}";
        }
        ctx.status(problem.status()).contentType("application/problem+json").result(body);
    }
}
