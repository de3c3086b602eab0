package dev.orchestrator.application.service;

import dev.orchestrator.application.intake.PayloadHash;
import dev.orchestrator.application.intake.SignatureCheck;
import dev.orchestrator.application.intake.WebhookRequest;
import dev.orchestrator.application.intake.WebhookSource;
import dev.orchestrator.application.intake.WebhookSources;
import dev.orchestrator.application.port.in.IngestOutcome;
import dev.orchestrator.application.port.in.IngestOutcome.Refusal;
import dev.orchestrator.application.port.in.IngestWebhookCommand;
import dev.orchestrator.application.port.in.IngestWebhookUseCase;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.NewJob;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.StoreResult;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a delivery's signature, then stores the raw bytes and its processing job atomically (one statement)
 * before anything is acknowledged. A body that is signed but unparseable is stored all the same (as evidence) and
 * dead-lettered at once: retrying it could never succeed.
 */
public final class IngestWebhookService implements IngestWebhookUseCase {
    /** Credentials a sender or a proxy may add: never stored, so never shown with the raw event. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-api-key", "x-auth-token");
    private final WebhookSources sources;
    private final PayloadParser parser;
    private final EventStore events;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxAttempts;

    public IngestWebhookService(WebhookSources sources, PayloadParser parser, EventStore events, IdGenerator ids,
            Clock clock, int maxAttempts) {
        this.sources = sources;
        this.parser = parser;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public IngestOutcome ingest(IngestWebhookCommand command) {
        Optional<WebhookSource> source = sources.find(command.source());
        if (source.isEmpty()) {
            return new IngestOutcome.Refused(Refusal.UNKNOWN_SOURCE, "no webhook source named '" + command.source() + "'");
        }
        if (!isJson(command.contentType())) {
            return new IngestOutcome.Refused(Refusal.NOT_JSON, "Content-Type must be application/json");
        }
        Instant now = clock.instant();
        SignatureCheck check = source.get().scheme().verify(command.request(), now);
        if (check instanceof SignatureCheck.Invalid invalid) {
            return new IngestOutcome.Refused(refusalFor(invalid.reason()), invalid.detail());
        }
        String deliveryId = ((SignatureCheck.Valid) check).deliveryId();
        PayloadParser.Parsed parsed = parser.parse(command.request().body());
        RawEvent raw = rawEvent(command, deliveryId, now, parsed);
        StoreResult stored = events.storeIfAbsent(raw, parsed instanceof PayloadParser.Unparseable unparseable
                ? NewJob.deadOnArrival(JobKind.PROCESS_EVENT, unparseable.reason())
                : NewJob.ready(JobKind.PROCESS_EVENT, maxAttempts));
        if (parsed instanceof PayloadParser.Unparseable unparseable) {
            return new IngestOutcome.StoredUnparseable(stored.eventId(), stored.duplicate(), unparseable.reason());
        }
        return new IngestOutcome.Accepted(stored.eventId(), stored.duplicate());
    }

    private RawEvent rawEvent(IngestWebhookCommand command, String deliveryId, Instant now,
            PayloadParser.Parsed parsed) {
        WebhookRequest request = command.request();
        byte[] body = request.body();
        boolean poison = parsed instanceof PayloadParser.Unparseable;
        Optional<String> error = parsed instanceof PayloadParser.Unparseable u ? Optional.of(u.reason()) : Optional.empty();
        return new RawEvent(ids.newId(), command.source(), deliveryId, command.source() + ":" + deliveryId, now,
                command.contentType(), withoutCredentials(request.headers()), body, PayloadHash.sha256Hex(body),
                poison ? EventStatus.DEAD : EventStatus.RECEIVED, error);
    }

    private static Map<String, String> withoutCredentials(Map<String, String> headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    private static boolean isJson(Optional<String> contentType) {
        if (contentType.isEmpty()) {
            return false;
        }
        String mediaType = contentType.get().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    private static Refusal refusalFor(SignatureCheck.Reason reason) {
        return switch (reason) {
            case MISSING_HEADER, MALFORMED_HEADER -> Refusal.MISSING_SIGNATURE;
            case BAD_SIGNATURE -> Refusal.BAD_SIGNATURE;
            case STALE_TIMESTAMP -> Refusal.STALE_TIMESTAMP;
        };
    }
}
