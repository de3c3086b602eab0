package dev.orchestrator.web.webhook;

import dev.orchestrator.application.intake.WebhookRequest;
import dev.orchestrator.application.port.in.IngestOutcome;
import dev.orchestrator.application.port.in.IngestWebhookCommand;
import dev.orchestrator.application.port.in.IngestWebhookUseCase;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code POST /webhooks/{source}}: hands the exact bytes to intake and answers per the external contract. */
public final class WebhookController {
    private final IngestWebhookUseCase ingest;
    private final Optional<String> publicBaseUrl;
    private final Runnable workEnqueued;

    public WebhookController(IngestWebhookUseCase ingest, Optional<String> publicBaseUrl) {
        this(ingest, publicBaseUrl, () -> { });
    }

    /** {@code workEnqueued} is told after a new event's job committed, so local workers start at once. */
    public WebhookController(IngestWebhookUseCase ingest, Optional<String> publicBaseUrl, Runnable workEnqueued) {
        this.ingest = ingest;
        this.workEnqueued = workEnqueued;
        this.publicBaseUrl = publicBaseUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public void receive(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        IngestOutcome outcome = ingest.ingest(command(ctx, body));
        if (outcome instanceof IngestOutcome.Accepted accepted) {
            ctx.status(202).json(new Acknowledgement(accepted.eventId().toString(), accepted.duplicate()));
            if (!accepted.duplicate()) {
                workEnqueued.run();
            }
        } else if (outcome instanceof IngestOutcome.StoredUnparseable stored) {
            throw new ProblemException(new Problem("urn:crm-orchestrator:problem:unparseable-json",
                    "Unparseable JSON", 400, stored.reason() + " (stored as event " + stored.eventId()
                            + "; it will not be processed)",
                    java.util.List.of(new Problem.FieldError("body", stored.reason()))));
        } else if (outcome instanceof IngestOutcome.Refused refused) {
            throw new ProblemException(problem(refused));
        }
    }

    /** The command carries the URI the sender called: HubSpot signs it, and behind a proxy only config knows it. */
    IngestWebhookCommand command(Context ctx, byte[] body) {
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        String uri = publicBaseUrl.map(base -> base + ctx.path() + query).orElse(ctx.fullUrl());
        return new IngestWebhookCommand(ctx.pathParam("source"), Optional.ofNullable(ctx.contentType()),
                new WebhookRequest(ctx.method().name(), uri, ctx.headerMap(), body));
    }

    private static Problem problem(IngestOutcome.Refused refused) {
        return switch (refused.refusal()) {
            case UNKNOWN_SOURCE -> Problem.of("unknown-source", "Unknown webhook source", 404, refused.detail());
            case NOT_JSON -> Problem.ofField("unsupported-media-type", "Not JSON", 415, refused.detail(),
                    "Content-Type", "must be application/json");
            case MISSING_SIGNATURE -> Problem.ofField("missing-signature", "Missing or malformed signature", 401,
                    refused.detail(), "webhook-signature", refused.detail());
            case BAD_SIGNATURE -> Problem.ofField("bad-signature", "Invalid signature", 401, refused.detail(),
                    "webhook-signature", "does not match the body");
            case STALE_TIMESTAMP -> Problem.ofField("stale-timestamp", "Timestamp outside tolerance", 401,
                    refused.detail(), "webhook-timestamp", refused.detail());
        };
    }

    /** The 202 body: {@code {"eventId", "duplicate"}}. */
    public record Acknowledgement(String eventId, boolean duplicate) {
    }
}
